//! Argline's Tidy up side by side with Graphviz's `dot` on the same graphs:
//! the case study, generated maps (two links and 0.4 events per claim, seed
//! 1; 100, 300 and 1,000 claims by default) and a 1,000-statement tree
//! imported from Argdown text written here. Both drawings are measured alike
//! (`argline::layout::DrawingFigures`): the shape of the boxes' extent, the
//! crossings of straight centre-to-centre links, their total length. Both
//! are timed as whole processes, best of `RUNS`: `argline layout IN -o OUT`
//! (reading, laying out and writing the map) and `dot -Tplain`. Prints a
//! Markdown table.
//!
//! ```text
//! cargo build --release && cargo run --release --example layout_vs_dot [-- CLAIMS...]
//! ```
//!
//! `dot` gets a minimal DOT text written here (fixed-size boxes in inches,
//! the same gaps, the same edges). A `dot` run longer than `DOT_TIME_LIMIT`
//! is stopped and reported.

use argline::generate::{GenerateParams, argdown_tree, generate};
use argline::import::{ImportFormat, import};
use argline::layout::{DrawingFigures, LayeredOptions, LayoutGraph, MapSizes, map_graph, tidy_up};
use argline::model::{Map, Position};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Canvas units per inch: DOT measures in points.
const POINTS_PER_INCH: f32 = 72.0;
const DOT_TIME_LIMIT: Duration = Duration::from_secs(900);
const RUNS: usize = 3;
const TREE_STATEMENTS: usize = 1_000;

type Failure = Box<dyn std::error::Error>;
/// How long dot took and where it put the nodes.
type DotRun = (Duration, Vec<Position>);

fn main() -> Result<(), Failure> {
    let sizes: Vec<usize> = match std::env::args().skip(1).map(|arg| arg.parse()).collect::<Result<Vec<_>, _>>()? {
        sizes if sizes.is_empty() => vec![100, 300, 1_000],
        sizes => sizes,
    };
    let argline = argline_binary()?;
    let scratch = std::env::temp_dir().join(format!("layout_vs_dot_{}", std::process::id()));
    std::fs::create_dir_all(&scratch)?;
    let mut maps: Vec<(String, Map)> =
        vec![("case study".to_owned(), argline::format::load_str(argline::CASE_STUDY_RON, argline::CASE_STUDY_NAME)?)];
    for claims in sizes {
        let map = generate(GenerateParams { claims, links: 2 * claims, events: 2 * claims / 5, seed: 1 });
        maps.push((format!("generated {claims}"), map));
    }
    let tree = import(argdown_tree(TREE_STATEMENTS, 1).as_bytes(), ImportFormat::Argdown)
        .map_err(|error| format!("the generated Argdown tree does not import: {:?}", error.lines("tree")))?;
    maps.push((format!("Argdown tree {TREE_STATEMENTS}"), tree.map));
    let options = LayeredOptions::default();
    println!(
        "| map | boxes | links | shape: argline | dot | crossings: argline | dot | link length: argline | dot | time s: argline | dot | speed-up |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, map) in maps {
        let sizes = MapSizes::estimate(&map);
        let (graph, _) = map_graph(&map, &sizes, None);
        let mut tidy = map.clone();
        tidy_up(&map, &sizes, None, &options).apply(&mut tidy);
        let (tidy_graph, _) = map_graph(&tidy, &sizes, None);
        let ours = DrawingFigures::of(&tidy_graph, &tidy_graph.nodes.iter().map(|n| n.position).collect::<Vec<_>>());
        let input = scratch.join("map.ron");
        argline::format::save_file(&map, &input)?;
        let our_time = time_argline(&argline, &input, &scratch.join("tidy.ron"))?;
        let mut row = format!("| {name} | {} | {} | {} | ", graph.nodes.len(), graph.edges.len(), shape(&ours));
        match run_dot(&graph, &options)? {
            Some((dot_time, dot_positions)) => {
                let dot = DrawingFigures::of(&graph, &dot_positions);
                write!(
                    row,
                    "{} | {} | {} | {:.0}k | {:.0}k | {:.3} | {:.3} | {:.0}× |",
                    shape(&dot),
                    ours.crossings,
                    dot.crossings,
                    ours.link_length / 1e3,
                    dot.link_length / 1e3,
                    our_time.as_secs_f64(),
                    dot_time.as_secs_f64(),
                    dot_time.as_secs_f64() / our_time.as_secs_f64()
                )?;
            }
            None => write!(
                row,
                "– | {} | – | {:.0}k | – | {:.3} | > {:.0} (stopped) | > {:.0}× |",
                ours.crossings,
                ours.link_length / 1e3,
                our_time.as_secs_f64(),
                DOT_TIME_LIMIT.as_secs_f64(),
                DOT_TIME_LIMIT.as_secs_f64() / our_time.as_secs_f64()
            )?,
        }
        println!("{row}");
    }
    std::fs::remove_dir_all(&scratch)?;
    Ok(())
}

fn shape(figures: &DrawingFigures) -> String {
    format!("{:.0} × {:.0} ({:.2})", figures.width, figures.height, figures.ratio())
}

/// The `argline` command built beside this example (`target/release/argline`).
fn argline_binary() -> Result<PathBuf, Failure> {
    let exe = std::env::current_exe()?;
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join(format!("argline{}", std::env::consts::EXE_SUFFIX)))
        .ok_or("cannot tell where the example runs from")?;
    if !binary.exists() {
        return Err(format!("{} is missing: build it first (cargo build --release)", binary.display()).into());
    }
    Ok(binary)
}

/// The best time of a few whole runs of `argline layout INPUT -o OUTPUT`.
fn time_argline(argline: &Path, input: &Path, output: &Path) -> Result<Duration, Failure> {
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = Command::new(argline).arg("layout").arg(input).arg("-o").arg(output).status()?;
        best = best.min(start.elapsed());
        if !status.success() {
            return Err(format!("argline layout {} failed: {status}", input.display()).into());
        }
    }
    Ok(best)
}

/// The DOT text of the graph: boxes of the nodes' sizes, `parent -> child` edges.
fn dot_text(graph: &LayoutGraph, options: &LayeredOptions) -> String {
    let mut text = String::from("digraph argline {\n");
    let _ = writeln!(
        text,
        "  graph [nodesep={:.3}, ranksep={:.3}];\n  node [shape=box, fixedsize=true, label=\"\"];",
        options.node_gap / POINTS_PER_INCH,
        options.layer_gap / POINTS_PER_INCH
    );
    for (index, node) in graph.nodes.iter().enumerate() {
        let _ = writeln!(
            text,
            "  n{index} [width={:.3}, height={:.3}];",
            node.width / POINTS_PER_INCH,
            node.height / POINTS_PER_INCH
        );
    }
    for (parent, child) in &graph.edges {
        let _ = writeln!(text, "  n{parent} -> n{child};");
    }
    text.push_str("}\n");
    text
}

/// Runs `dot -Tplain` on the graph: its wall time and the node centres in
/// canvas units, or `None` when it ran past the time limit. Best of `RUNS`
/// when a run takes under a second.
fn run_dot(graph: &LayoutGraph, options: &LayeredOptions) -> Result<Option<DotRun>, Failure> {
    let mut best: Option<DotRun> = None;
    for _ in 0..RUNS {
        let Some((elapsed, positions)) = run_dot_once(graph, options)? else { return Ok(None) };
        if best.as_ref().is_none_or(|(time, _)| elapsed < *time) {
            best = Some((elapsed, positions));
        }
        if elapsed > Duration::from_secs(1) {
            break;
        }
    }
    Ok(best)
}

fn run_dot_once(graph: &LayoutGraph, options: &LayeredOptions) -> Result<Option<DotRun>, Failure> {
    let text = dot_text(graph, options);
    let start = Instant::now();
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run dot (install Graphviz): {error}"))?;
    child.stdin.take().ok_or("dot has no stdin")?.write_all(text.as_bytes())?;
    let stdout = child.stdout.take().ok_or("dot has no stdout")?;
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout));
    loop {
        if child.try_wait()?.is_some() {
            break;
        }
        if start.elapsed() > DOT_TIME_LIMIT {
            child.kill()?;
            child.wait()?;
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let elapsed = start.elapsed();
    let plain = reader.join().map_err(|_| "reading dot's output failed")??;
    Ok(Some((elapsed, parse_plain(&plain, graph.nodes.len())?)))
}

/// The node centres of `dot -Tplain` output (`node NAME X Y …`, in inches, y up).
fn parse_plain(plain: &str, node_count: usize) -> Result<Vec<Position>, Failure> {
    let mut positions = vec![None; node_count];
    for line in plain.lines() {
        let mut fields = line.split_whitespace();
        if fields.next() != Some("node") {
            continue;
        }
        let (Some(name), Some(x), Some(y)) = (fields.next(), fields.next(), fields.next()) else {
            return Err(format!("a node line of dot's output is short: {line}").into());
        };
        let index: usize = name.trim_start_matches('n').parse()?;
        let slot = positions.get_mut(index).ok_or_else(|| format!("dot names an unknown node: {name}"))?;
        *slot = Some(Position::new(x.parse::<f32>()? * POINTS_PER_INCH, -y.parse::<f32>()? * POINTS_PER_INCH));
    }
    positions.into_iter().enumerate().map(|(i, p)| p.ok_or_else(|| format!("dot left out node n{i}").into())).collect()
}
