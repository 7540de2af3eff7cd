//! The stamp of a map file as it was loaded or last saved (its size, content
//! hash and modification time), so that a save can tell whether someone else
//! (`git pull`, another editor) wrote the file since, and refuse to overwrite
//! that newer file unless told to.

use super::{LoadError, SaveError, load_bytes, to_ron_string, write_atomically_checked};
use crate::model::Map;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// What a file held when it was stamped. Two stamps of the same bytes are
/// the same file, whatever their modification times.
#[derive(Clone, Debug)]
pub struct FileStamp {
    pub size_bytes: u64,
    /// A hash of the bytes (not cryptographic: it tells versions apart).
    pub content_hash: u64,
    /// When the file was last written, where the file system says.
    pub modified: Option<SystemTime>,
}

impl PartialEq for FileStamp {
    fn eq(&self, other: &Self) -> bool {
        self.size_bytes == other.size_bytes && self.content_hash == other.content_hash
    }
}

impl FileStamp {
    /// The stamp of `bytes`, read from a file whose modification time was `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Self { size_bytes: bytes.len() as u64, content_hash: hasher.finish(), modified }
    }

    /// The stamp of the file at `path` now; `None` when there is no file.
    pub fn of_file(path: &Path) -> std::io::Result<Option<Self>> {
        let modified = match std::fs::metadata(path) {
            Ok(metadata) => metadata.modified().ok(),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        match std::fs::read(path) {
            Ok(bytes) => Ok(Some(Self::of_bytes(&bytes, modified))),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Whether the file at `path` no longer holds what this stamp saw. Cheap
    /// when nothing happened (same size and time: the file is not read), so a
    /// window may ask whenever it gains focus; a deleted file has changed.
    pub fn changed_on_disk(&self, path: &Path) -> std::io::Result<bool> {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(true),
            Err(error) => return Err(error),
        };
        if metadata.len() != self.size_bytes {
            return Ok(true);
        }
        if self.modified.is_some() && metadata.modified().ok() == self.modified {
            return Ok(false);
        }
        Ok(Self::of_file(path)?.as_ref() != Some(self))
    }
}

/// Reads and validates the map file at `path` (as [`super::load_file`]), with
/// the stamp of the very bytes that were read.
pub fn load_file_stamped(path: &Path) -> Result<(Map, FileStamp), LoadError> {
    let file = path.display().to_string();
    let read_error = |source| LoadError::Read { file: file.clone(), source };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.len() > super::MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { file, size_bytes: metadata.len(), limit_bytes: super::MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let map = load_bytes(&bytes, &file)?;
    Ok((map, FileStamp::of_bytes(&bytes, metadata.modified().ok())))
}

/// Whether a save may replace the file that is there.
#[derive(Clone, Copy, Debug)]
pub enum Overwrite<'a> {
    /// Only if the file is still the one stamped when it was loaded or last
    /// saved (or is gone: then nothing of anyone's is lost).
    IfUnchanged(&'a FileStamp),
    /// Whatever is there (Save as, after the user chose the file; or after
    /// being asked and told to overwrite).
    Always,
}

/// Saves `map` to `path` atomically (as [`super::save_file`]); with
/// [`Overwrite::IfUnchanged`], checks just before the new file replaces the
/// old that the old is still the stamped one, and otherwise leaves it and
/// returns [`SaveError::ChangedOnDisk`]. Returns the stamp of what it wrote.
pub fn save_file_stamped(map: &Map, path: &Path, overwrite: Overwrite) -> Result<FileStamp, SaveError> {
    let text =
        to_ron_string(map).map_err(|error| SaveError::Encode { path: path.to_owned(), message: error.to_string() })?;
    let check = || -> Result<(), SaveError> {
        let Overwrite::IfUnchanged(stamp) = overwrite else {
            return Ok(());
        };
        let write_error = |source| SaveError::Write { path: path.to_owned(), source };
        match FileStamp::of_file(path).map_err(write_error)? {
            Some(now) if &now != stamp => Err(SaveError::ChangedOnDisk { path: path.to_owned() }),
            _ => Ok(()),
        }
    };
    write_atomically_checked(path, text.as_bytes(), check)?;
    let modified = std::fs::metadata(path).and_then(|metadata| metadata.modified()).ok();
    Ok(FileStamp::of_bytes(text.as_bytes(), modified))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::save_file;

    fn saved_map(folder: &Path) -> (std::path::PathBuf, Map, FileStamp) {
        let path = folder.join("map.ron");
        let map = Map::default();
        save_file(&map, &path).expect("saves");
        let (loaded, stamp) = load_file_stamped(&path).expect("loads");
        (path, loaded, stamp)
    }

    #[test]
    fn a_save_over_an_unchanged_file_succeeds_and_stamps_anew() {
        let folder = tempfile::tempdir().expect("temp");
        let (path, mut map, stamp) = saved_map(folder.path());
        assert!(!stamp.changed_on_disk(&path).expect("checks"));
        map.meta.title = "Edited".into();
        let new_stamp = save_file_stamped(&map, &path, Overwrite::IfUnchanged(&stamp)).expect("saves");
        assert_ne!(new_stamp, stamp);
        assert_eq!(FileStamp::of_file(&path).expect("reads"), Some(new_stamp));
    }

    #[test]
    fn a_save_over_a_file_changed_on_disk_is_refused_and_leaves_it() {
        let folder = tempfile::tempdir().expect("temp");
        let (path, mut map, stamp) = saved_map(folder.path());
        let newer = std::fs::read_to_string(&path).expect("reads").replace("Untitled map", "Pulled from git");
        std::fs::write(&path, &newer).expect("writes");
        assert!(stamp.changed_on_disk(&path).expect("checks"));
        map.meta.title = "Mine".into();
        let error = save_file_stamped(&map, &path, Overwrite::IfUnchanged(&stamp)).expect_err("refused");
        assert!(matches!(error, SaveError::ChangedOnDisk { .. }), "{error}");
        assert!(error.to_string().contains("changed on disk"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), newer);
        let leftovers = std::fs::read_dir(folder.path()).expect("lists").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        save_file_stamped(&map, &path, Overwrite::Always).expect("told to overwrite");
        assert!(std::fs::read_to_string(&path).expect("reads").contains("Mine"));
    }

    #[test]
    fn a_file_touched_but_not_changed_is_the_same_and_a_deleted_one_may_be_written() {
        let folder = tempfile::tempdir().expect("temp");
        let (path, map, stamp) = saved_map(folder.path());
        let bytes = std::fs::read(&path).expect("reads");
        std::fs::remove_file(&path).expect("removes");
        assert!(stamp.changed_on_disk(&path).expect("checks"));
        std::fs::write(&path, &bytes).expect("writes the same bytes");
        assert!(!stamp.changed_on_disk(&path).expect("checks"));
        std::fs::remove_file(&path).expect("removes");
        save_file_stamped(&map, &path, Overwrite::IfUnchanged(&stamp)).expect("nothing to lose");
    }
}
