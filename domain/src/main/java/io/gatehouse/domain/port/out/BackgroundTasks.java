package io.gatehouse.domain.port.out;

/**
 * Runs work after the answer to a request, off its thread: for work whose duration must not show in
 * the answer's timing (a password reset for an unknown address must look exactly like one for a known
 * address). A failure is the runner's to log; the caller has already answered.
 */
public interface BackgroundTasks {

    void run(Runnable task);
}
