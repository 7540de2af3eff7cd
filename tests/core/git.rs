//! Maps in real git repositories in temporary folders: `argline git-setup`,
//! then branches merged by `git merge` through Argline's merge driver, `git
//! diff` through its diff driver, and the command line of `argline diff` and
//! `argline merge` on their own.

use argline::format::{load_file, save_file};
use argline::model::{Claim, ClaimKind, Conflict, Map, Meta, Position};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MAP: &str = "map.ron";

fn argline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_argline"))
}

/// The PATH with the built argline's folder first, as git finds the drivers.
fn path_with_argline() -> std::ffi::OsString {
    let folder = Path::new(env!("CARGO_BIN_EXE_argline")).parent().expect("a folder").to_owned();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(folder).chain(std::env::split_paths(&rest))).expect("joins")
}

/// A command run in `repo` that sees no user's or system's git config.
fn in_repo(program: Command, repo: &Path) -> Command {
    let mut command = program;
    command
        .current_dir(repo)
        .env("PATH", path_with_argline())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Tester")
        .env("GIT_AUTHOR_EMAIL", "tester@example.org")
        .env("GIT_COMMITTER_NAME", "Tester")
        .env("GIT_COMMITTER_EMAIL", "tester@example.org");
    command
}

fn git(repo: &Path, args: &[&str]) -> Output {
    let mut command = in_repo(Command::new("git"), repo);
    command.args(args).output().expect("git runs")
}

fn git_ok(repo: &Path, args: &[&str]) -> String {
    let output = git(repo, args);
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn claim(id: &str, text: &str, y: f32) -> Claim {
    Claim::new(id, ClaimKind::Claim, text, Position::new(0.0, y))
}

fn base_map() -> Map {
    Map {
        meta: Meta { title: "Why did the bridge close?".into(), ..Meta::default() },
        claims: vec![
            Claim::new("safety", ClaimKind::Explanation, "It was unsafe", Position::new(0.0, 0.0)),
            claim("budget", "The budget was cut", 200.0),
            claim("timing", "It closed right after the vote", 400.0),
        ],
        ..Map::default()
    }
}

/// A repository holding the base map on `main`, with or without the drivers.
fn repository(with_drivers: bool) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temp");
    let repo = folder.path();
    git_ok(repo, &["init", "-q", "-b", "main"]);
    if with_drivers {
        let setup = in_repo(argline(), repo).arg("git-setup").output().expect("runs");
        assert!(setup.status.success(), "{}", String::from_utf8_lossy(&setup.stderr));
    }
    save_file(&base_map(), &repo.join(MAP)).expect("saves");
    git_ok(repo, &["add", "-A"]);
    git_ok(repo, &["commit", "-q", "-m", "base"]);
    folder
}

/// Commits `change` of the map on a new branch `name` made from main.
fn branch(repo: &Path, name: &str, change: impl FnOnce(&mut Map)) {
    git_ok(repo, &["checkout", "-q", "-b", name, "main"]);
    let mut map = load_file(&repo.join(MAP)).expect("loads");
    change(&mut map);
    save_file(&map, &repo.join(MAP)).expect("saves");
    git_ok(repo, &["commit", "-q", "-am", name]);
}

/// Branches `ours` and `theirs` from main, then merges theirs into ours.
fn merge_branches(repo: &Path, ours: impl FnOnce(&mut Map), theirs: impl FnOnce(&mut Map)) -> Output {
    branch(repo, "theirs", theirs);
    branch(repo, "ours", ours);
    git(repo, &["merge", "--no-edit", "theirs"])
}

fn text_of(map: &Map, id: &str) -> String {
    map.claim(&id.into()).map(|claim| claim.text.clone()).unwrap_or_default()
}

fn set_text(map: &mut Map, id: &str, text: &str) {
    if let Some(claim) = map.claims.iter_mut().find(|claim| claim.id.as_str() == id) {
        claim.text = text.to_owned();
    }
}

#[test]
fn two_branches_changing_different_claims_merge_cleanly() {
    let folder = repository(true);
    let repo = folder.path();
    let merge = merge_branches(
        repo,
        |map| set_text(map, "budget", "The maintenance budget was cut by half"),
        |map| set_text(map, "timing", "It closed two weeks after the vote"),
    );
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let merged = load_file(&repo.join(MAP)).expect("loads");
    assert_eq!(text_of(&merged, "budget"), "The maintenance budget was cut by half");
    assert_eq!(text_of(&merged, "timing"), "It closed two weeks after the vote");
    assert!(merged.conflicts.is_empty());
}

#[test]
fn two_branches_adding_claims_at_the_same_place_merge_cleanly_where_a_text_merge_conflicts() {
    let ours = |map: &mut Map| map.claims.push(claim("flood", "The flood weakened it", 600.0));
    let theirs = |map: &mut Map| map.claims.push(claim("rust", "Corrosion was found", 800.0));
    let folder = repository(true);
    let merge = merge_branches(folder.path(), ours, theirs);
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let merged = load_file(&folder.path().join(MAP)).expect("loads");
    let ids: Vec<&str> = merged.claims.iter().map(|claim| claim.id.as_str()).collect();
    assert_eq!(ids, ["safety", "budget", "timing", "flood", "rust"]);

    // Without the driver, git's text merge stops on the same two branches…
    let folder = repository(false);
    let repo = folder.path();
    assert!(!merge_branches(repo, ours, theirs).status.success());
    // …and the loader says what happened and how to set the driver up, at the first marker.
    let text = std::fs::read_to_string(repo.join(MAP)).expect("reads");
    let marker_line = 1 + text.lines().position(|line| line.starts_with("<<<<<<<")).expect("markers");
    let validate = in_repo(argline(), repo).args(["validate", MAP]).output().expect("runs");
    assert_eq!(validate.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&validate.stderr);
    assert!(stderr.starts_with(&format!("{MAP}:{marker_line}:1: the file holds git's conflict markers")), "{stderr}");
    assert!(stderr.contains("argline git-setup"), "{stderr}");
    assert_eq!(std::fs::read_to_string(repo.join(MAP)).expect("reads"), text, "the file is untouched");

    // Setting the driver up and merging the file again settles it.
    git_ok(repo, &["checkout", "-q", "--ours", MAP]);
    let setup = in_repo(argline(), repo).arg("git-setup").output().expect("runs");
    assert!(setup.status.success());
    git_ok(repo, &["checkout", "-m", MAP]);
    let merged = load_file(&repo.join(MAP)).expect("the file merged again by the driver loads");
    assert!(merged.claim(&"flood".into()).is_some() && merged.claim(&"rust".into()).is_some());
}

#[test]
fn two_branches_changing_one_claims_text_conflict_and_the_file_keeps_both() {
    let folder = repository(true);
    let repo = folder.path();
    let merge = merge_branches(
        repo,
        |map| set_text(map, "budget", "Ours: the budget was cut"),
        |map| set_text(map, "budget", "Theirs: the budget was frozen"),
    );
    assert!(!merge.status.success(), "git sees the conflict");
    assert_eq!(git_ok(repo, &["diff", "--name-only", "--diff-filter=U"]), format!("{MAP}\n"));
    let stderr = String::from_utf8_lossy(&merge.stderr);
    assert!(stderr.contains("1 unresolved conflicts") && stderr.contains("claim \"budget\" (text)"), "{stderr}");

    let merged = load_file(&repo.join(MAP)).expect("the conflicted file is a map Argline opens");
    assert_eq!(text_of(&merged, "budget"), "Ours: the budget was cut");
    let [Conflict::Claim(versions)] = merged.conflicts.as_slice() else {
        panic!("one claim conflict: {:?}", merged.conflicts);
    };
    assert_eq!(versions.fields, ["text"]);
    let text = |claim: &Option<Claim>| claim.as_ref().map(|claim| claim.text.clone());
    assert_eq!(text(&versions.base).as_deref(), Some("The budget was cut"));
    assert_eq!(text(&versions.ours).as_deref(), Some("Ours: the budget was cut"));
    assert_eq!(text(&versions.theirs).as_deref(), Some("Theirs: the budget was frozen"));

    let validate = in_repo(argline(), repo).args(["validate", MAP]).output().expect("runs");
    assert_eq!(validate.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&validate.stderr);
    assert!(stderr.contains(&format!("{MAP}: 1 unresolved conflicts")), "{stderr}");
    assert!(stderr.lines().next().is_some_and(|line| line.contains(": unresolved conflict: claim \"budget\" (text)")));
}

#[test]
fn git_setup_is_idempotent_and_git_diff_shows_changes_by_id() {
    let folder = repository(true);
    let repo = folder.path();
    let again = in_repo(argline(), repo).arg("git-setup").output().expect("runs");
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(said.contains(".gitattributes already has") && said.contains("is already"), "{said}");
    assert!(!said.contains("set git config") && !said.contains("added"), "{said}");
    let attributes = std::fs::read_to_string(repo.join(".gitattributes")).expect("reads");
    assert_eq!(attributes, "*.ron merge=argline diff=argline\n");
    assert_eq!(git_ok(repo, &["config", "merge.argline.driver"]), "argline merge %O %A %B -o %A --path %P\n");

    let mut map = load_file(&repo.join(MAP)).expect("loads");
    set_text(&mut map, "timing", "It closed after the vote");
    map.claims.retain(|claim| claim.id.as_str() != "budget");
    save_file(&map, &repo.join(MAP)).expect("saves");
    let diff = git_ok(repo, &["diff"]);
    assert_eq!(
        diff,
        "argline diff a/map.ron b/map.ron\nclaim \"budget\" removed: \"The budget was cut\"\n\
         claim \"timing\" changed: \"It closed after the vote\"\n    \
         text: \"It closed right after the vote\" → \"It closed after the vote\"\n"
    );
}

fn scratch_maps(folder: &Path, maps: &[(&str, &Map)]) -> Vec<PathBuf> {
    maps.iter()
        .map(|(name, map)| {
            let path = folder.join(name);
            save_file(map, &path).expect("saves");
            path
        })
        .collect()
}

#[test]
fn argline_diff_exits_as_diff_does_and_writes_json_for_scripts() {
    let folder = tempfile::tempdir().expect("temp");
    let mut moved = base_map();
    moved.claims[1].position = Position::new(50.0, 200.0);
    let paths = scratch_maps(folder.path(), &[("a.ron", &base_map()), ("b.ron", &moved)]);
    let run = |args: &[&Path]| argline().arg("diff").args(args).output().expect("runs");
    let same = run(&[&paths[0], &paths[0]]);
    assert_eq!((same.status.code(), same.stdout.as_slice()), (Some(0), &b""[..]));
    let differ = run(&[&paths[0], &paths[1]]);
    assert_eq!(differ.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&differ.stdout).contains("position: moved (0.0, 200.0) → (50.0, 200.0)"));
    let missing = run(&[&paths[0], &folder.path().join("missing.ron")]);
    assert_eq!(missing.status.code(), Some(2));

    let json = argline().arg("diff").args(&paths).args(["--format", "json"]).output().expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(report["same"], false);
    assert_eq!(report["changes"][0]["item"], serde_json::json!({ "kind": "claim", "id": "budget" }));
    assert_eq!(report["changes"][0]["fields"][0]["after"], serde_json::json!({ "x": 50.0, "y": 200.0 }));
}

#[test]
fn argline_merge_writes_to_output_and_refuses_a_newer_format_leaving_ours() {
    let folder = tempfile::tempdir().expect("temp");
    let mut ours = base_map();
    set_text(&mut ours, "safety", "It was unsafe to cross");
    let mut theirs = base_map();
    theirs.claims.push(claim("flood", "The flood weakened it", 600.0));
    let paths = scratch_maps(folder.path(), &[("base.ron", &base_map()), ("ours.ron", &ours), ("theirs.ron", &theirs)]);
    let out = folder.path().join("out.ron");
    let merge = argline().arg("merge").args(&paths).arg("-o").arg(&out).output().expect("runs");
    assert_eq!(merge.status.code(), Some(0), "{}", String::from_utf8_lossy(&merge.stderr));
    let merged = load_file(&out).expect("loads");
    assert_eq!(text_of(&merged, "safety"), "It was unsafe to cross");
    assert!(merged.claim(&"flood".into()).is_some());
    assert_eq!(load_file(&paths[1]).expect("loads"), ours, "ours is untouched with -o");

    let newer = std::fs::read_to_string(&paths[2]).expect("reads").replacen("format: 1,", "format: 2,", 1);
    std::fs::write(&paths[2], newer).expect("writes");
    let before = std::fs::read(&paths[1]).expect("reads");
    let refused = argline().arg("merge").args(&paths).output().expect("runs");
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("theirs") && stderr.contains("newer Argline (format 2)"), "{stderr}");
    assert_eq!(std::fs::read(&paths[1]).expect("reads"), before);
}
