/** Classes that break the architecture rules on purpose, to show that the rules can fail. */
package org.preemptlab.app.archfixture;
