//! The aif importer: any bytes give a valid map or positioned problems,
//! never a panic or a hang.
#![no_main]

use argline::import::{ImportError, ImportFormat, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match import(bytes, ImportFormat::Aif) {
        Ok(imported) => {
            assert!(argline::model::validate::validate(&imported.map).is_empty(), "an imported map must be valid")
        }
        Err(ImportError::Invalid { problems }) => panic!("the importer built an invalid map: {problems:?}"),
        Err(ImportError::Problems { .. }) => {}
    }
});
