//! The export and import formats, and the paper of a PDF handout, as the
//! command line names them (`--format svg`, `--from kialo`, `--paper a4`):
//! clap's traits live here, over the names and
//! descriptions the formats give themselves, so that the core enums stay
//! free of the command line.

use crate::export::{Format, Paper};
use crate::import::ImportFormat;
use clap::ValueEnum;
use clap::builder::PossibleValue;

/// An export format given as `--format NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportName(pub Format);

/// An import format given as `--from NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportName(pub ImportFormat);

/// The paper of a PDF handout given as `--paper NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaperName(pub Paper);

const PAPER_NAMES: [PaperName; Paper::ALL.len()] = [PaperName(Paper::ALL[0]), PaperName(Paper::ALL[1])];

const EXPORT_NAMES: [ExportName; Format::ALL.len()] = {
    let mut names = [ExportName(Format::Svg); Format::ALL.len()];
    let mut index = 0;
    while index < names.len() {
        names[index] = ExportName(Format::ALL[index]);
        index += 1;
    }
    names
};

const IMPORT_NAMES: [ImportName; ImportFormat::ALL.len()] = {
    let mut names = [ImportName(ImportFormat::Argdown); ImportFormat::ALL.len()];
    let mut index = 0;
    while index < names.len() {
        names[index] = ImportName(ImportFormat::ALL[index]);
        index += 1;
    }
    names
};

impl ValueEnum for ExportName {
    fn value_variants<'a>() -> &'a [Self] {
        &EXPORT_NAMES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.description()))
    }
}

impl ValueEnum for ImportName {
    fn value_variants<'a>() -> &'a [Self] {
        &IMPORT_NAMES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.description()))
    }
}

impl ValueEnum for PaperName {
    fn value_variants<'a>() -> &'a [Self] {
        &PAPER_NAMES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.description()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_named_once_and_read_back() {
        for format in Format::ALL {
            assert_eq!(ExportName::from_str(format.name(), false), Ok(ExportName(format)));
        }
        for format in ImportFormat::ALL {
            assert_eq!(ImportName::from_str(format.name(), false), Ok(ImportName(format)));
        }
        assert!(ImportName::from_str("svg", false).is_err());
        for paper in Paper::ALL {
            assert_eq!(PaperName::from_str(paper.name(), false), Ok(PaperName(paper)));
        }
    }
}
