//! The open document: the map, where it came from, and a revision number
//! that views use to know when their cached geometry is stale.

use crate::model::Map;
use std::path::PathBuf;

pub struct Document {
    pub map: Map,
    /// The file the map was read from; `None` for the bundled case study.
    pub path: Option<PathBuf>,
    /// The name shown in the title bar.
    pub name: String,
    /// Bumped whenever the map changes.
    pub revision: u64,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>, name: String) -> Self {
        Self { map, path, name, revision: 0 }
    }

    /// The bundled case study, as shipped inside the binary.
    pub fn case_study() -> Result<Self, crate::format::LoadError> {
        let map = crate::format::load_str(crate::CASE_STUDY_RON, crate::CASE_STUDY_NAME)?;
        Ok(Self::new(map, None, crate::CASE_STUDY_NAME.to_owned()))
    }

    pub fn open(path: PathBuf) -> Result<Self, crate::format::LoadError> {
        let map = crate::format::load_file(&path)?;
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        Ok(Self::new(map, Some(path), name))
    }
}
