//! The command line: `argline [FILE]` opens the window; the subcommands run
//! headless. The commands and their output are a contract that scripts and
//! tests rely on.

mod format_names;
mod quotes;
mod teaching_commands;
mod vcs_commands;

use crate::analysis::{self, Matrix};
use crate::export::{self, ExportOptions, Format, Paper};
use crate::format::{self, LoadError};
use crate::generate::{GenerateParams, generate};
use crate::import::{self, ImportFormat};
use crate::layout::{
    Direction, DrawingFigures, LayeredOptions, LayoutChoice, MapSizes, choose_layout, map_graph, map_roles, tidy_up,
};
use crate::model::Counts;
use crate::model::validate::{FieldPath, PathSegment};
use clap::{Parser, Subcommand, ValueEnum};
use format_names::{ExportName, ImportName, PaperName};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vcs_commands::DiffFormat;

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
        format: ExportName,
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Pixels per unit of the figure, for PNG (2 for print).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Draw figures (SVG, PNG, HTML) in the dark theme.
        #[arg(long)]
        dark: bool,
        /// A folder holding the sources' texts (the report's quotes say their paragraph).
        #[arg(long, value_name = "DIR")]
        texts: Option<PathBuf>,
        /// The paper of a PDF handout.
        #[arg(long, value_enum, default_value_t = PaperName(Paper::A4))]
        paper: PaperName,
    },
    /// Read a map written by another tool and save it as an Argline map.
    Import {
        file: PathBuf,
        #[arg(long = "from", value_enum)]
        from: ImportName,
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
    /// Check every quote against its source's text: one FILE:LINE:COL: ID: line per quote
    /// that is not exact, and a summary; exit 0 when every quote is exact or only moved,
    /// 1 when any changed, was not found or has no text, 2 when nothing could be checked.
    Quotes {
        file: PathBuf,
        /// A folder holding the sources' texts, looked in first by file name.
        #[arg(long, value_name = "DIR")]
        texts: Option<PathBuf>,
    },
    /// Attach the texts in DIR to the map's sources (by the file a source names, else by
    /// the file holding its quotes) and anchor every quote found exactly once; writes the
    /// map in place, or to OUT.
    AttachTexts {
        file: PathBuf,
        #[arg(long, value_name = "DIR")]
        texts: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Lay out a map's claims and evidence (pinned claims stay) and write it to OUT.
    Layout {
        file: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Where the reasons go from what they bear on: down (conclusions on top) or right.
        #[arg(long, value_enum, default_value_t = LayoutDirection::Down)]
        direction: LayoutDirection,
        /// Which layout: layered (trees of reasons), explanations (rivals side by
        /// side, their evidence beneath), or auto (chosen per map).
        #[arg(long = "layout", value_enum, default_value_t = LayoutKind::Auto)]
        layout: LayoutKind,
        /// The screen to aim the drawing's shape at, as W:H (default: the window's map area, 1040:470).
        #[arg(long, value_parser = parse_aspect)]
        aspect: Option<f32>,
        /// Print the drawing's shape, crossings, total link length and the zoom that fits it in the window.
        #[arg(long)]
        report: bool,
    },
    /// Show what changed between two maps, by id: exit 0 when they are the same, 1 when
    /// they differ, 2 on error. Also git's diff driver, given git's seven arguments
    /// (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE; exit 0 then, as git wants).
    Diff {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Merge two versions of a map changed from a common base, by id (git's merge driver):
    /// writes the result over OURS, or to -o OUT. Exit 0 when clean, 1 when the written map
    /// holds unresolved conflicts (in its `conflicts` section), 2 when nothing was written.
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// The file's name in the repository, for messages (git's %P).
        #[arg(long, value_name = "NAME")]
        path: Option<String>,
    },
    /// Mark a student's map against the key, aligned by what the items say (not by id):
    /// claims and events matched, missing and extra; relations agreeing, of the opposite
    /// sign or pointing elsewhere; matrix ratings that differ; a score with how it is made.
    /// Exit 0 when the maps agree, 1 when they differ, 2 on error. Given a folder, prints
    /// one CSV row per `.ron` file in it (sorted by name; a file that does not load is a
    /// row with its error).
    Compare {
        /// The teacher's key: the map as it should be.
        key: PathBuf,
        /// A student's map, or a folder of them.
        #[arg(value_name = "STUDENT|DIR")]
        student: PathBuf,
    },
    /// Write a copy of a map for students to complete: the items given hidden (removed,
    /// with their links), the matrix ratings cleared, the story kept.
    Assignment {
        file: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Ids of the claims, events or links to hide, comma-separated.
        #[arg(long, value_name = "ID,ID…", value_delimiter = ',')]
        hide: Vec<String>,
        /// Keep the matrix ratings.
        #[arg(long)]
        keep_ratings: bool,
    },
    /// In a git repository: send `*.ron` files to Argline's diff and merge drivers
    /// (.gitattributes and the repository's git config). Running it again changes nothing.
    GitSetup,
}

/// The `--layout` of `argline layout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutKind {
    Auto,
    Layered,
    Explanations,
}

/// An aspect `W:H` (two positive numbers) as W / H.
fn parse_aspect(text: &str) -> Result<f32, String> {
    let problem = || format!("{text:?} is not W:H with two positive numbers, such as 16:9");
    let (width, height) = text.split_once(':').ok_or_else(problem)?;
    let (width, height): (f32, f32) =
        (width.trim().parse().map_err(|_| problem())?, height.trim().parse().map_err(|_| problem())?);
    if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
        return Err(problem());
    }
    Ok(width / height)
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
        Command::Export { file, format, output, scale, dark, texts, paper } => {
            let options = ExportOptions { dark, scale, paper: paper.0 };
            export_command(&file, format.0, output.as_deref(), &options, texts)
        }
        Command::Import { file, from, output } => import_command(&file, from.0, &output),
        Command::Generate { claims, links, events, seed, output } => {
            let (claims, links, events) = (claims as usize, links as usize, events as usize);
            let map = generate(GenerateParams { claims, links, events, seed });
            match format::save_file(&map, &output) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(&error.to_string()),
            }
        }
        Command::Layout { file, output, direction, layout, aspect, report } => {
            let choice = match layout {
                LayoutKind::Auto => LayoutChoice::Auto,
                LayoutKind::Layered => LayoutChoice::Layered,
                LayoutKind::Explanations => LayoutChoice::Explanations,
            };
            let direction = match direction {
                LayoutDirection::Down => Direction::Down,
                LayoutDirection::Right => Direction::Right,
            };
            let defaults = LayeredOptions::default();
            let options = LayeredOptions { choice, direction, aspect: aspect.or(defaults.aspect), ..defaults };
            lay_out(&file, &output, &options, report)
        }
        Command::Diff { files, format } => vcs_commands::diff_command(&files, format),
        Command::Merge { base, ours, theirs, output, path } => {
            vcs_commands::merge_command(&base, &ours, &theirs, output.as_deref(), path.as_deref())
        }
        Command::GitSetup => vcs_commands::git_setup_command(),
        Command::Quotes { file, texts } => quotes::quotes(&file, texts.as_deref()),
        Command::AttachTexts { file, texts, output } => quotes::attach_texts(&file, &texts, output.as_deref()),
        Command::Compare { key, student } => teaching_commands::compare_command(&key, &student),
        Command::Assignment { file, output, hide, keep_ratings } => {
            teaching_commands::assignment_command(&file, &output, &hide, keep_ratings)
        }
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
            Ok(map) if !map.conflicts.is_empty() => {
                report_conflicts(file, &map);
                all_valid = false;
            }
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

/// A map that loads but holds unresolved merge conflicts is not finished:
/// one `FILE:LINE:COL:` line per conflict, then the count.
fn report_conflicts(file: &Path, map: &crate::model::Map) {
    let locations = std::fs::read_to_string(file).ok().map(|text| format::locate(&text));
    for (index, conflict) in map.conflicts.iter().enumerate() {
        let path = FieldPath(vec![PathSegment::Field("conflicts"), PathSegment::Index(index)]);
        let position = locations.as_ref().map_or(format::TextPosition { line: 1, col: 1 }, |found| found.find(&path));
        eprintln!(
            "{}:{}:{}: unresolved conflict: {}",
            file.display(),
            position.line,
            position.col,
            conflict.describe()
        );
    }
    eprintln!(
        "{}: {} unresolved conflicts (left by a merge): open the map in Argline to settle them",
        file.display(),
        map.conflicts.len()
    );
}

fn lay_out(file: &Path, output: &Path, options: &LayeredOptions, with_report: bool) -> ExitCode {
    let mut map = match format::load_file(file) {
        Ok(map) => map,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    let sizes = MapSizes::estimate(&map);
    tidy_up(&map, &sizes, None, options).apply(&mut map);
    if let Err(error) = format::save_file(&map, output) {
        return fail(&error.to_string());
    }
    if with_report {
        let (graph, items) = map_graph(&map, &sizes, None);
        let chosen = match choose_layout(options.choice, &graph, &map_roles(&map, &items)) {
            LayoutChoice::Explanations => "explanations",
            LayoutChoice::Layered | LayoutChoice::Auto => "layered",
        };
        let centres: Vec<_> = graph.nodes.iter().map(|node| node.position).collect();
        let figures = DrawingFigures::of(&graph, &centres);
        println!("layout: {chosen}");
        println!("shape: {:.0} x {:.0} (ratio {:.2})", figures.width, figures.height, figures.ratio());
        println!("crossings: {}", figures.crossings);
        println!("link length: {:.0}", figures.link_length);
        println!("fit zoom (1400x900 window, map area 1040x470): {:.0}%", figures.fit_zoom() * 100.0);
    }
    ExitCode::SUCCESS
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

/// A folder of AIF JSON files (an AIFdb corpus, unzipped) imported as one map.
fn import_folder(folder: &Path, from: ImportFormat, output: &Path) -> ExitCode {
    let name = folder.display().to_string();
    if from != ImportFormat::Aif {
        return fail(&format!("{name} is a folder: only an AIFdb corpus (--from aif) imports from a folder"));
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => return fail(&format!("{name}: cannot read the folder: {error}")),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json")))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let file_name = path.display().to_string();
        match std::fs::read(&path).map(|bytes| String::from_utf8(bytes).map_err(|e| e.utf8_error())) {
            Ok(Ok(text)) => files.push(crate::interchange::aif::CorpusFile { name: file_name, text }),
            Ok(Err(error)) => return fail(&format!("{file_name}: the file is not UTF-8 text ({error})")),
            Err(error) => return fail(&format!("{file_name}: cannot read the file: {error}")),
        }
    }
    let title = folder.file_name().map_or(name.clone(), |title| title.to_string_lossy().into_owned());
    match crate::interchange::aif::import_corpus(&title, &files) {
        Ok((map, notices)) => {
            for notice in notices {
                eprintln!("{notice}");
            }
            match format::save_file(&map, output) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(&error.to_string()),
            }
        }
        Err(error) => {
            for line in error.lines {
                eprintln!("{line}");
            }
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

fn export_command(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    options: &ExportOptions,
    texts_folder: Option<PathBuf>,
) -> ExitCode {
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
    let texts = if format == Format::Markdown {
        crate::sources::LoadedTexts::load(&map, &crate::sources::TextPlace::of_map_file(Some(file), texts_folder))
    } else {
        crate::sources::LoadedTexts::default()
    };
    for note in &texts.notes {
        eprintln!("{}: note: {note}", file.display());
    }
    let bytes = match export::export_with_texts(&map, format, options, &texts) {
        Ok(bytes) => bytes,
        Err(error) => return fail(&format!("{}: {error}", file.display())),
    };
    for note in export::losses(&map, format) {
        eprintln!("{}: note: {note}", file.display());
    }
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
    if file.is_dir() {
        return import_folder(file, from, output);
    }
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
