//! The RON loader with validation.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| argline_fuzz::check_load(bytes));
