//! Work off the UI thread: one small type for every worker the window starts
//! (an export, a big map being read, the cards' text being measured, a
//! recovery file being written, the system's file chooser). The app polls its
//! jobs in `App::logic`, before every UI pass, presenting or not, and asks
//! for another pass soon while any is running.
//!
//! Hand-written over `std::sync::mpsc` rather than `poll-promise`, which
//! panics in the UI thread when a worker dies; here that is a [`JobLost`].

use std::sync::mpsc::{Receiver, TryRecvError};

/// A worker thread and the result it will send.
pub struct Job<T> {
    what: String,
    result: Receiver<T>,
}

/// A worker that stopped without a result (it panicked).
#[derive(Debug, thiserror::Error)]
#[error("{what} stopped unexpectedly")]
pub struct JobLost {
    pub what: String,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread of its own; `what` says what it does ("Exporting to a.svg").
    pub fn spawn(what: impl Into<String>, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // The app may be gone (the window closed); then nobody needs the result.
            let _ = sender.send(work());
        });
        Self { what: what.into(), result }
    }
}

impl<T> Job<T> {
    /// What the job does, for the status bar.
    pub fn what(&self) -> &str {
        &self.what
    }

    /// Waits for the result, at most `timeout`.
    pub fn wait(self, timeout: std::time::Duration) -> Option<T> {
        self.result.recv_timeout(timeout).ok()
    }
}

/// Takes the result of the job in `slot` once it is there, emptying the slot:
/// `None` while it runs (or when there is none).
pub fn take_finished<T>(slot: &mut Option<Job<T>>) -> Option<Result<T, JobLost>> {
    let job = slot.as_ref()?;
    let finished = match job.result.try_recv() {
        Ok(value) => Ok(value),
        Err(TryRecvError::Empty) => return None,
        Err(TryRecvError::Disconnected) => Err(JobLost { what: job.what.clone() }),
    };
    *slot = None;
    Some(finished)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn finished<T>(slot: &mut Option<Job<T>>) -> Result<T, JobLost> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(result) = take_finished(slot) {
                return result;
            }
            assert!(Instant::now() < deadline, "the job never finished");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_job_hands_over_its_result_once() {
        let mut slot = Some(Job::spawn("Adding", || 2 + 2));
        assert_eq!(finished(&mut slot).ok(), Some(4));
        assert!(slot.is_none(), "the slot is emptied");
        assert!(take_finished(&mut slot).is_none());
    }

    #[test]
    fn a_worker_that_dies_is_reported_not_a_panic_here() {
        let mut slot: Option<Job<u32>> = Some(Job::spawn("Exporting to a.svg", || panic!("a bug in a worker")));
        let lost = finished(&mut slot).expect_err("the worker died");
        assert_eq!(lost.to_string(), "Exporting to a.svg stopped unexpectedly");
    }
}
