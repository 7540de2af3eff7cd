//! Argdown that the Argdown CLI accepts but Argline cannot keep whole imports
//! all the same, with what it could not keep listed as `LINE:COL: skipped: …`.

use argline::import::{ImportFormat, import};
use std::path::Path;

/// (file, the claims it makes, a notice it must give or "").
const CASES: [(&str, usize, &str); 5] = [
    ("unclosed_title.argdown", 2, ""),
    ("unclosed_front_matter.argdown", 2, "1:1: skipped: this front matter is never closed"),
    ("impossible_date.argdown", 2, "3:1: skipped: "),
    ("unclosed_data.argdown", 1, "1:1: skipped: this `{` is never closed"),
    ("nested_data.argdown", 1, "1:1: skipped: the data \"kind\" is not one value"),
];

#[test]
fn files_the_argdown_cli_reads_import_with_their_losses_listed() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/argdown");
    for (name, claims, notice) in CASES {
        let bytes = std::fs::read(folder.join(name)).unwrap_or_else(|error| panic!("{name}: {error}"));
        let imported = import(&bytes, ImportFormat::Argdown).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(imported.map.claims.len(), claims, "{name}: {:#?}", imported.map.claims);
        let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
        assert!(notice.is_empty() || notices.iter().any(|n| n.starts_with(notice)), "{name}: {notices:#?}");
    }
}

#[test]
fn nested_data_is_kept_where_argline_reads_it_and_listed_where_not() {
    let text = "[a]: A claim {kind: \"objection\", sources: [{title: \"IEA\", year: 2021}], x: 10, y: 20}\n";
    let imported = import(text.as_bytes(), ImportFormat::Argdown).expect("imports");
    let claim = &imported.map.claims[0];
    assert_eq!((claim.kind, claim.position.x, claim.position.y), (argline::model::ClaimKind::Objection, 10.0, 20.0));
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert_eq!(notices, ["1:1: skipped: the data \"sources\" (a map has no place for it)"]);
}
