//! The Kialo importer.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| argline_fuzz::check_import(bytes, argline::import::ImportFormat::Kialo));
