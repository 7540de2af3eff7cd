//! Crash-safe saving, proven: a child process that saves a map over and over
//! is killed with SIGKILL at varied moments, 200 times; the file is always
//! one complete version, never a mix or a truncation.
//!
//! The child is this test binary itself, started again with
//! `ARGLINE_SAVE_LOOP` naming the file: it saves the versions in turn until
//! it is killed, so every kill lands in the middle of real saves.

#![cfg(unix)]

use argline::generate::{GenerateParams, generate};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS: u64 = 200;
const CHILD_ENV: &str = "ARGLINE_SAVE_LOOP";

/// The maps the child saves in turn: big enough that a save takes a while.
fn versions() -> Vec<argline::model::Map> {
    (1..=3).map(|seed| generate(GenerateParams { claims: 300, links: 600, events: 120, seed })).collect()
}

fn bytes_of(map: &argline::model::Map) -> Vec<u8> {
    argline::format::to_ron_string(map).expect("serialises").into_bytes()
}

/// SplitMix64, so that the kill moments are varied but the same on every run.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// In the child: saves the versions in turn, forever; says "saving" once started.
fn save_forever(path: &Path) -> ! {
    let maps = versions();
    println!("saving");
    for map in maps.iter().cycle() {
        argline::format::save_file(map, path).expect("saves");
    }
    unreachable!("cycle never ends")
}

#[test]
fn a_save_killed_at_any_moment_leaves_one_complete_version() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        save_forever(Path::new(&path));
    }
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = dir.path().join("map.ron");
    let maps = versions();
    let expected: Vec<Vec<u8>> = maps.iter().map(bytes_of).collect();
    argline::format::save_file(&maps[0], &path).expect("first save");
    let started = Instant::now();
    argline::format::save_file(&maps[1], &path).expect("timed save");
    let one_save = started.elapsed();

    let mut state = 7;
    let mut seen = [0usize; 3];
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args([
                "--exact",
                "crash_safe_save::a_save_killed_at_any_moment_leaves_one_complete_version",
                "--nocapture",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        let stdout = child.stdout.take().expect("piped");
        let started = BufReader::new(stdout).lines().map_while(Result::ok).any(|line| line.contains("saving"));
        assert!(started, "the child never started saving");
        // Anywhere within the next few saves.
        let delay = one_save.mul_f64((next(&mut state) % 1000) as f64 / 250.0) + Duration::from_micros(50);
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let on_disk = std::fs::read(&path).expect("the map file is always there");
        let version = expected.iter().position(|bytes| *bytes == on_disk);
        let Some(version) = version else {
            panic!("kill {kill} after {delay:?} left {} bytes that are no complete version", on_disk.len());
        };
        seen[version] += 1;
    }
    // The kills landed at different points of the cycle, or they proved little.
    assert!(seen.iter().filter(|&&count| count > 0).count() >= 2, "versions seen after kills: {seen:?}");
    for entry in std::fs::read_dir(dir.path()).expect("lists") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(name == "map.ron" || name.ends_with(".saving"), "only temporary files may be left: {name}");
    }
}
