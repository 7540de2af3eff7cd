//! Loading never panics, whatever the bytes: empty, garbage, invalid UTF-8,
//! huge, deeply nested, or any prefix of a real map.

use argline::format::{LoadError, MAX_FILE_BYTES, load_bytes, load_file};
use proptest::prelude::*;

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    match load_file(&path) {
        Err(LoadError::TooLarge { size_bytes, .. }) => assert_eq!(size_bytes, MAX_FILE_BYTES + 1),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn a_large_valid_generated_map_loads() {
    use argline::generate::{GenerateParams, generate};
    let map = generate(GenerateParams { claims: 2_000, links: 4_000, events: 800, seed: 11 });
    let text = argline::format::to_ron_string(&map).expect("writes");
    assert_eq!(load_bytes(text.as_bytes(), "big.ron").expect("loads"), map);
}

#[test]
fn one_giant_string_loads() {
    let title = "x".repeat(5_000_000);
    let text = format!("(format: 1, meta: (title: \"{title}\"))");
    let map = load_bytes(text.as_bytes(), "giant.ron").expect("loads");
    assert_eq!(map.meta.title.len(), 5_000_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn random_bytes_give_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(load_bytes(&bytes, "random.ron").is_err());
    }

    #[test]
    fn random_ron_like_text_never_panics(text in "[(\\[{)\\]}:,\"a-z0-9 \\n#-]{0,300}") {
        let _ = load_bytes(text.as_bytes(), "noise.ron");
    }
}

/// Links that each bear on the one before: 20,000 deep. Validation walks each
/// chain once (this would take hours if it were cubic), and nothing recurses.
#[test]
fn a_very_long_chain_of_links_on_links_validates() {
    use argline::model::{Claim, ClaimKind, Link, LinkFrom, LinkTo, Map, Position, Relation, Strength};
    let depth = 20_000;
    let claim = |i: usize| Claim::new(format!("c{i}"), ClaimKind::Claim, format!("claim {i}"), Position::default());
    let link = |i: usize| Link {
        id: format!("l{i}").into(),
        from: LinkFrom::Claim(format!("c{}", i + 1).into()),
        to: if i == 0 { LinkTo::Claim("c0".into()) } else { LinkTo::Link(format!("l{}", i - 1).into()) },
        relation: if i == 0 { Relation::Supports } else { Relation::Undercuts },
        strength: Strength::Weak,
        note: String::new(),
        citations: vec![],
    };
    let mut map =
        Map { claims: (0..=depth).map(claim).collect(), links: (0..depth).rev().map(link).collect(), ..Map::default() };
    let text = argline::format::to_ron_string(&map).expect("writes");
    assert_eq!(load_bytes(text.as_bytes(), "chain.ron").expect("valid"), map);
    // Close the chain into a cycle: reported once, as a problem, not a hang.
    map.links.last_mut().expect("links").to = LinkTo::Link(format!("l{}", depth - 1).into());
    let problems = argline::model::validate::validate(&map);
    assert_eq!(problems.len(), 1, "{:?}", problems.first());
    assert!(problems[0].message.starts_with("links bear on each other in a cycle"));
}
