//! What every fuzz target checks: whatever the bytes, the loader or importer
//! gives a valid map or positioned problems, and never panics or builds an
//! invalid map.

use argline::import::{ImportError, ImportFormat, import};
use argline::model::validate::validate;

/// Loads `bytes` as a map file; a map that loads must be valid.
pub fn check_load(bytes: &[u8]) {
    if let Ok(map) = argline::format::load_bytes(bytes, "fuzz.ron") {
        assert!(validate(&map).is_empty(), "a loaded map must be valid");
    }
}

/// Imports `bytes` as `format`; an imported map must be valid.
pub fn check_import(bytes: &[u8], format: ImportFormat) {
    match import(bytes, format) {
        Ok(imported) => assert!(validate(&imported.map).is_empty(), "an imported map must be valid"),
        Err(ImportError::Invalid { problems }) => panic!("the importer built an invalid map: {problems:?}"),
        Err(ImportError::Problems { .. }) => {}
    }
}
