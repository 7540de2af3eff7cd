//! Finding and reading a map's source texts. A source names its text by a path
//! relative to the map's folder (or, for a text kept elsewhere, by its file
//! name alone); the user may name a folder that holds the texts (`--texts DIR`,
//! File ▸ Attach source texts…), searched first by file name. A text that is
//! missing or unreadable leaves the map as it is: its citations say why.

use super::{SourceText, read_text_file};
use crate::model::{Map, SourceId, TextFile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a map's texts are looked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextPlace {
    /// The folder of the map file (none for a map not saved yet).
    pub map_folder: Option<PathBuf>,
    /// A folder the user named as holding the texts.
    pub texts_folder: Option<PathBuf>,
}

impl TextPlace {
    /// The texts of the map file at `map_file`, looked for in `texts_folder` first.
    pub fn of_map_file(map_file: Option<&Path>, texts_folder: Option<PathBuf>) -> Self {
        let map_folder = map_file.map(|file| match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        });
        Self { map_folder, texts_folder }
    }

    /// The paths to try for `file`, in order.
    pub fn candidates(&self, file: &TextFile) -> Vec<PathBuf> {
        let relative = Path::new(&file.file);
        let by_name = self.texts_folder.as_ref().zip(relative.file_name()).map(|(folder, name)| folder.join(name));
        let beside = self.map_folder.as_ref().map(|folder| folder.join(relative));
        by_name.into_iter().chain(beside).collect()
    }

    /// Where the texts were looked for, for messages.
    fn described(&self) -> String {
        let folders: Vec<String> =
            self.texts_folder.iter().chain(&self.map_folder).map(|folder| folder.display().to_string()).collect();
        if folders.is_empty() { "no folder (the map is not saved yet)".to_owned() } else { folders.join(" or ") }
    }
}

/// The texts of a map's sources, each read or the reason it is not.
#[derive(Clone, Debug, Default)]
pub struct LoadedTexts {
    texts: BTreeMap<SourceId, Result<Arc<SourceText>, String>>,
    /// What the user should know beyond the citations: texts that changed since
    /// their quotes were anchored.
    pub notes: Vec<String>,
}

impl LoadedTexts {
    /// Reads the text of every source of `map` that has one, from `place`.
    pub fn load(map: &Map, place: &TextPlace) -> Self {
        let mut loaded = Self::default();
        for source in &map.sources {
            let text = match &source.text {
                None => Err(format!("the source \"{}\" has no text attached", source.id)),
                Some(file) => read_from(file, place, &source.id).map(|text| {
                    if text.sha256() != file.sha256 {
                        loaded.notes.push(format!(
                            "the text of the source \"{}\" ({}) is not the one its quotes were anchored in (its SHA-256 differs)",
                            source.id, file.file
                        ));
                    }
                    Arc::new(text)
                }),
            };
            loaded.texts.insert(source.id.clone(), text);
        }
        loaded
    }

    /// The text of `source`, or why there is none.
    pub fn text_of(&self, source: &SourceId) -> Result<&SourceText, &str> {
        match self.texts.get(source) {
            Some(Ok(text)) => Ok(text),
            Some(Err(reason)) => Err(reason),
            None => Err("the source is not in the map"),
        }
    }

    /// The shared text of `source`, when it was read.
    pub fn shared(&self, source: &SourceId) -> Option<Arc<SourceText>> {
        self.texts.get(source).and_then(|text| text.as_ref().ok()).cloned()
    }

    /// Sets the text of `source` (a text just attached).
    pub fn insert(&mut self, source: SourceId, text: Arc<SourceText>) {
        self.texts.insert(source, Ok(text));
    }
}

fn read_from(file: &TextFile, place: &TextPlace, source: &SourceId) -> Result<SourceText, String> {
    let candidates = place.candidates(file);
    let Some(path) = candidates.iter().find(|path| path.is_file()) else {
        return Err(format!(
            "the text of the source \"{source}\", {}, is not in {}: attach the folder that holds it",
            file.file,
            place.described()
        ));
    };
    read_text_file(path).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn map_citing(file: &str, sha256: &str) -> Map {
        let source = Source {
            id: "s".into(),
            title: "S".into(),
            author: String::new(),
            outlet: String::new(),
            date: None,
            url: String::new(),
            text: Some(TextFile { file: file.to_owned(), sha256: sha256.to_owned() }),
        };
        Map { sources: vec![source], ..Map::default() }
    }

    #[test]
    fn texts_are_found_in_the_named_folder_by_name_then_beside_the_map() {
        let dir = tempfile::tempdir().expect("a scratch folder");
        std::fs::create_dir(dir.path().join("texts")).expect("creates");
        std::fs::write(dir.path().join("texts").join("a.txt"), "from the folder").expect("writes");
        std::fs::write(dir.path().join("a.txt"), "beside the map").expect("writes");
        let map = map_citing("a.txt", &super::super::read::sha256_hex(b"from the folder"));
        let map_file = dir.path().join("map.ron");
        let named = LoadedTexts::load(&map, &TextPlace::of_map_file(Some(&map_file), Some(dir.path().join("texts"))));
        assert_eq!(named.text_of(&"s".into()).map(SourceText::as_str), Ok("from the folder"));
        assert!(named.notes.is_empty());
        let beside = LoadedTexts::load(&map, &TextPlace::of_map_file(Some(&map_file), None));
        assert_eq!(beside.text_of(&"s".into()).map(SourceText::as_str), Ok("beside the map"));
        assert_eq!(beside.notes.len(), 1, "the text beside the map is another text: {:?}", beside.notes);
    }

    #[test]
    fn a_missing_text_says_where_it_was_looked_for() {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let map = map_citing("gone.txt", &"0".repeat(64));
        let loaded = LoadedTexts::load(&map, &TextPlace::of_map_file(Some(&dir.path().join("m.ron")), None));
        let reason = loaded.text_of(&"s".into()).expect_err("no text");
        assert!(reason.contains("gone.txt") && reason.contains("attach the folder"), "{reason}");
    }
}
