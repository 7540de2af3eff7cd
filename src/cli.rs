//! The command line: `argline [FILE]` opens the window; the subcommands run
//! headless. The commands and their output are a contract that scripts and
//! tests rely on.

use crate::analysis::{self, Matrix};
use crate::export::{self, ExportOptions, Format};
use crate::format::{self, LoadError};
use crate::generate::{GenerateParams, generate};
use crate::import::{self, ImportFormat};
use crate::layout::{Direction, LayeredOptions, MapSizes, tidy_up};
use crate::model::Counts;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "argline",
    version,
    about = "Argument maps of competing explanations, linked to a dated timeline of evidence"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A map file to open in the window; without it, the bundled case study opens.
    pub file: Option<PathBuf>,
    /// Leave once N frames are on screen, printing how long after launch they
    /// were shown (the window's state is not saved): for measuring start-up
    /// time and memory (see "Performance" in the README).
    #[arg(long, value_name = "N")]
    pub quit_after_frames: Option<u32>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check map files: exit 0 when all are valid, else print every problem as FILE:LINE:COL: message and exit 1.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the counts of a map's items, one `name: value` line each.
    Stats {
        file: PathBuf,
        /// Print the competing-hypotheses scores instead: one line per explanation,
        /// `ID inconsistency=N weighted=W rank=R`; a section per question when
        /// the map's explanations answer questions.
        #[arg(long)]
        ach: bool,
    },
    /// Write a map in another format: text formats go to stdout when no -o is given.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Format,
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Pixels per unit of the figure, for PNG (2 for print).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Draw figures (SVG, PNG) in the dark theme.
        #[arg(long)]
        dark: bool,
    },
    /// Read a map written by another tool and save it as an Argline map.
    Import {
        file: PathBuf,
        #[arg(long = "from", value_enum)]
        from: ImportFormat,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Write a deterministic synthetic map, for benchmarks and tests.
    Generate {
        /// Number of claims (at most 1,000,000).
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=MAX_GENERATED))]
        claims: u32,
        /// Number of links (at most 1,000,000).
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=MAX_GENERATED))]
        links: u32,
        /// Number of events (at most 1,000,000).
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=MAX_GENERATED))]
        events: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Lay out a map's claims and evidence in layers (pinned claims stay) and write it to OUT.
    Layout {
        file: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Where the reasons go from what they bear on: down (conclusions on top) or right.
        #[arg(long, value_enum, default_value_t = LayoutDirection::Down)]
        direction: LayoutDirection,
    },
}

/// The `--direction` of `argline layout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutDirection {
    Down,
    Right,
}

/// The most items of each kind `generate` makes: far past any real map.
const MAX_GENERATED: i64 = 1_000_000;

/// Runs a headless subcommand and returns the process's exit code.
pub fn run_command(command: Command) -> ExitCode {
    match command {
        Command::Validate { files } => validate(&files),
        Command::Stats { file, ach } => stats(&file, ach),
        Command::Export { file, format, output, scale, dark } => {
            export_command(&file, format, output.as_deref(), &ExportOptions { dark, scale })
        }
        Command::Import { file, from, output } => import_command(&file, from, &output),
        Command::Generate { claims, links, events, seed, output } => {
            let (claims, links, events) = (claims as usize, links as usize, events as usize);
            let map = generate(GenerateParams { claims, links, events, seed });
            match format::save_file(&map, &output) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(&error.to_string()),
            }
        }
        Command::Layout { file, output, direction } => lay_out(&file, &output, direction),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("argline: {message}");
    ExitCode::FAILURE
}

fn report(error: &LoadError) {
    for line in error.lines() {
        eprintln!("{line}");
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        match format::load_file(file) {
            Ok(map) => {
                let counts = Counts::of(&map);
                println!(
                    "{}: valid ({} events, {} claims, {} links)",
                    file.display(),
                    counts.events,
                    counts.claims,
                    counts.links
                );
            }
            Err(error) => {
                report(&error);
                all_valid = false;
            }
        }
    }
    if all_valid { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn lay_out(file: &std::path::Path, output: &std::path::Path, direction: LayoutDirection) -> ExitCode {
    let mut map = match format::load_file(file) {
        Ok(map) => map,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    let direction = match direction {
        LayoutDirection::Down => Direction::Down,
        LayoutDirection::Right => Direction::Right,
    };
    let options = LayeredOptions { direction, ..LayeredOptions::default() };
    tidy_up(&map, &MapSizes::estimate(&map), None, &options).apply(&mut map);
    match format::save_file(&map, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error.to_string()),
    }
}

fn stats(file: &std::path::Path, ach: bool) -> ExitCode {
    match format::load_file(file) {
        Ok(map) if ach => {
            print!("{}", ach_report(&map));
            ExitCode::SUCCESS
        }
        Ok(map) => {
            for (name, value) in Counts::of(&map).rows() {
                println!("{name}: {value}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}

/// The competing-hypotheses scores, one `ID inconsistency=N weighted=W
/// rank=R` line per explanation. A map whose explanations answer questions
/// gets a section per question, headed `question ID: TEXT` (explanations that
/// answer none are headed `no question`), and its composite explanations
/// are listed as `ID composite (not ranked)`.
fn ach_report(map: &crate::model::Map) -> String {
    use std::fmt::Write as _;
    let questions = analysis::questions(map);
    let sectioned = questions != [None];
    let mut composites: std::collections::HashMap<Option<&crate::model::ClaimId>, Vec<&crate::model::ClaimId>> =
        std::collections::HashMap::new();
    for claim in map.explanations().filter(|claim| claim.composite) {
        composites.entry(claim.answers.as_ref()).or_default().push(&claim.id);
    }
    let mut out = String::new();
    for (index, question) in questions.iter().enumerate() {
        if sectioned {
            if index > 0 {
                out.push('\n');
            }
            let _ = match question.as_ref().and_then(|id| map.claim(id)) {
                Some(claim) => writeln!(out, "question {}: {}", claim.id, claim.text),
                None => writeln!(out, "no question"),
            };
        }
        for score in Matrix::of_question(map, question.as_ref(), None).scores() {
            let _ = writeln!(
                out,
                "{} inconsistency={} weighted={:.3} rank={}",
                score.explanation, score.inconsistency, score.weighted, score.rank
            );
        }
        for composite in composites.get(&question.as_ref()).into_iter().flatten() {
            let _ = writeln!(out, "{composite} composite (not ranked)");
        }
    }
    out
}

fn export_command(file: &Path, format: Format, output: Option<&Path>, options: &ExportOptions) -> ExitCode {
    let map = match format::load_file(file) {
        Ok(map) => map,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    if format.is_folder() {
        let Some(folder) = output else {
            return fail("slides are one PNG per story step: give the folder to write them to with -o FOLDER");
        };
        return match export::slides::write_slides(&map, folder, options) {
            Ok(paths) => {
                for path in paths {
                    println!("{}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(error) => fail(&format!("{}: {error}", file.display())),
        };
    }
    let bytes = match export::export(&map, format, options) {
        Ok(bytes) => bytes,
        Err(error) => return fail(&format!("{}: {error}", file.display())),
    };
    match output {
        Some(path) => match format::write_atomically(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&format!("cannot write {}: {error}", path.display())),
        },
        None if format.is_text() => match std::io::stdout().lock().write_all(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&format!("cannot write to stdout: {error}")),
        },
        None => fail(&format!("{} is not text: give a file to write with -o FILE", format.label())),
    }
}

fn import_command(file: &Path, from: ImportFormat, output: &Path) -> ExitCode {
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => return fail(&format!("{name}: cannot read the file: {error}")),
    };
    let imported = match import::import(&bytes, from) {
        Ok(imported) => imported,
        Err(error) => {
            for line in error.lines(&name) {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    for notice in &imported.notices {
        eprintln!("{name}:{notice}");
    }
    match format::save_file(&imported.map, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error.to_string()),
    }
}
