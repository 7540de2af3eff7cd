//! The RON loader with validation: any bytes give a map that passes
//! validation or a positioned error, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(map) = argline::format::load_bytes(bytes, "fuzz.ron") {
        assert!(argline::model::validate::validate(&map).is_empty(), "a loaded map must be valid");
    }
});
