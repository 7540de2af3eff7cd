//! Argline's layered layout side by side with Graphviz's `dot` on the same
//! graphs: generated maps of 100, 1,000 and 5,000 claims (two links and
//! 0.4 events per claim) and the case study. Both drawings are measured
//! alike: `argline::layout::count_crossings` over straight centre-to-centre
//! edges. Prints a Markdown table.
//!
//! ```text
//! cargo run --release --example layout_vs_dot [-- CLAIMS...]
//! ```
//!
//! `dot` gets a minimal DOT text written here (fixed-size boxes in inches,
//! the same gaps, the same edges) and is timed as a whole process run of
//! `dot -Tplain`; Argline is timed on `layered::layout` alone, best of a few
//! runs. A `dot` run longer than `DOT_TIME_LIMIT` is stopped and reported.

use argline::generate::{GenerateParams, generate};
use argline::layout::layered::layout;
use argline::layout::{LayeredOptions, LayoutGraph, MapSizes, count_crossings, map_graph};
use argline::model::{Map, Position};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Canvas units per inch: DOT measures in points.
const POINTS_PER_INCH: f32 = 72.0;
const DOT_TIME_LIMIT: Duration = Duration::from_secs(900);
const ARGLINE_RUNS: usize = 5;

type Failure = Box<dyn std::error::Error>;
/// How long dot took and where it put the nodes.
type DotRun = (Duration, Vec<Position>);

fn main() -> Result<(), Failure> {
    let sizes: Vec<usize> = match std::env::args().skip(1).map(|arg| arg.parse()).collect::<Result<Vec<_>, _>>()? {
        sizes if sizes.is_empty() => vec![100, 1_000, 5_000],
        sizes => sizes,
    };
    let mut maps: Vec<(String, Map)> =
        vec![("case study".to_owned(), argline::format::load_str(argline::CASE_STUDY_RON, argline::CASE_STUDY_NAME)?)];
    for claims in sizes {
        let map = generate(GenerateParams { claims, links: 2 * claims, events: 2 * claims / 5, seed: 1 });
        maps.push((format!("generated {claims}"), map));
    }
    let options = LayeredOptions::default();
    println!("| graph | nodes | edges | argline ms | dot ms | speed-up | argline crossings | dot crossings | ratio |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, map) in maps {
        let (graph, _) = map_graph(&map, &MapSizes::estimate(&map), None);
        let (argline_time, argline_positions) = time_argline(&graph, &options);
        let argline_crossings = count_crossings(&argline_positions, &graph.edges);
        let dot = run_dot(&graph, &options)?;
        let mut row = format!(
            "| {name} | {} | {} | {:.1} |",
            graph.nodes.len(),
            graph.edges.len(),
            argline_time.as_secs_f64() * 1e3
        );
        match dot {
            Some((dot_time, dot_positions)) => {
                let dot_crossings = count_crossings(&dot_positions, &graph.edges);
                write!(
                    row,
                    " {:.0} | {:.0}× | {argline_crossings} | {dot_crossings} | {:.2} |",
                    dot_time.as_secs_f64() * 1e3,
                    dot_time.as_secs_f64() / argline_time.as_secs_f64(),
                    argline_crossings as f64 / dot_crossings.max(1) as f64
                )?;
            }
            None => write!(
                row,
                " > {:.0} (stopped) | > {:.0}× | {argline_crossings} | – | – |",
                DOT_TIME_LIMIT.as_secs_f64() * 1e3,
                DOT_TIME_LIMIT.as_secs_f64() / argline_time.as_secs_f64()
            )?,
        }
        println!("{row}");
    }
    Ok(())
}

/// The best time of a few runs of the layout, and its result.
fn time_argline(graph: &LayoutGraph, options: &LayeredOptions) -> (Duration, Vec<Position>) {
    let mut best = Duration::MAX;
    let mut positions = Vec::new();
    for _ in 0..ARGLINE_RUNS {
        let start = Instant::now();
        positions = layout(graph, options);
        best = best.min(start.elapsed());
    }
    (best, positions)
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
/// canvas units, or `None` when it ran past the time limit.
fn run_dot(graph: &LayoutGraph, options: &LayeredOptions) -> Result<Option<DotRun>, Failure> {
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
        std::thread::sleep(Duration::from_millis(5));
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
