//! The AIF importer, on whatever shape the bytes take (OVA3, xAIF, AIFdb's
//! corpus JSON, Argline's own `argline…` keys, analysed text with spans): a
//! valid map or positioned problems; and a map it imports goes through
//! Argline's AIF export and back with the same claims and events.
#![no_main]

use argline::export::{ExportOptions, Format, export};
use argline::import::{ImportFormat, import};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    argline_fuzz::check_import(bytes, ImportFormat::Aif);
    if let Ok(imported) = import(bytes, ImportFormat::Aif) {
        let written = export(&imported.map, Format::Aif, &ExportOptions::default()).expect("a valid map exports");
        let back = import(&written, ImportFormat::Aif).expect("Argline's own AIF imports");
        let counts = |map: &argline::model::Map| (map.claims.len(), map.events.len());
        assert_eq!(counts(&back.map), counts(&imported.map), "the export of an import gives its items back");
    }
});
