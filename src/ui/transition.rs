//! Smooth moves of a view (the map's pan and zoom, the timeline's window):
//! eased over a fixed time, so that a presenter's step change is over in
//! well under 300 ms whatever the distance. Zooms blend geometrically, so a
//! large zoom change feels even.

/// How long a view takes to move to where it was sent (presenting asks for at most 0.3 s).
pub const DURATION_SECONDS: f64 = 0.25;
const _: () = assert!(DURATION_SECONDS <= 0.3);

/// Where a view looks: an offset and a scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub offset: [f64; 2],
    pub scale: f64,
}

impl Frame {
    fn blend(self, to: Frame, t: f64) -> Frame {
        let lerp = |a: f64, b: f64| a + (b - a) * t;
        let scale = if self.scale > 0.0 && to.scale > 0.0 {
            self.scale * (to.scale / self.scale).powf(t)
        } else {
            lerp(self.scale, to.scale)
        };
        Frame { offset: [lerp(self.offset[0], to.offset[0]), lerp(self.offset[1], to.offset[1])], scale }
    }
}

/// A move from one frame to another that began at `started` (UI time, seconds).
#[derive(Clone, Copy, Debug)]
pub struct Transition {
    from: Frame,
    to: Frame,
    started: f64,
}

impl Transition {
    pub fn new(from: Frame, to: Frame, now: f64) -> Self {
        Self { from, to, started: now }
    }

    /// The frame at `now`, and whether the move is over.
    pub fn at(&self, now: f64) -> (Frame, bool) {
        let t = ((now - self.started) / DURATION_SECONDS).clamp(0.0, 1.0);
        // Ease in and out (smoothstep).
        let eased = t * t * (3.0 - 2.0 * t);
        (self.from.blend(self.to, eased), t >= 1.0)
    }

    /// Where the move ends.
    pub fn destination(&self) -> Frame {
        self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transition_starts_at_its_origin_and_ends_on_time_at_its_destination() {
        let from = Frame { offset: [0.0, 0.0], scale: 1.0 };
        let to = Frame { offset: [100.0, -50.0], scale: 4.0 };
        let transition = Transition::new(from, to, 10.0);
        assert_eq!(transition.at(10.0), (from, false));
        let (middle, done) = transition.at(10.0 + DURATION_SECONDS / 2.0);
        assert!(!done);
        assert!((middle.offset[0] - 50.0).abs() < 1e-9 && (middle.scale - 2.0).abs() < 1e-9, "{middle:?}");
        assert_eq!(transition.at(10.0 + DURATION_SECONDS), (to, true));
    }
}
