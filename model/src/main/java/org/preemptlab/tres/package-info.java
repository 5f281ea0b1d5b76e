/**
 * Trackable resources (Slurm's TRES): counts of {@code cpu}, {@code mem} (MB), {@code node},
 * {@code billing} and generic resources such as {@code gres/gpu} or {@code gres/gpu:a100}, as one
 * immutable value type. Limits, requests and usage are all expressed in it. Depends on nothing.
 */
package org.preemptlab.tres;
