//! Git's text-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`), which a
//! text merge leaves in a map file when the repository has no Argline merge
//! driver: found, so that the loader says what happened and how to fix it
//! instead of reporting a syntax error.

use super::TextPosition;

/// What a user reads when a file holds conflict markers.
pub const MESSAGE: &str = "the file holds git's conflict markers (`<<<<<<<`): git merged it as text and left both \
     versions in it, so it is no longer a map. Set up Argline's merge driver with `argline git-setup` in the \
     repository, then merge the file again with `git checkout -m FILE` (or take one side with `git checkout --ours \
     FILE` / `--theirs FILE`)";

/// Where the first `<<<<<<<` line stands, when a `>>>>>>>` line follows it.
pub fn first_marker(text: &str) -> Option<TextPosition> {
    let is_marker = |line: &str, marker: &str| {
        line.strip_prefix(marker).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\r']))
    };
    let mut lines = text.split('\n').enumerate();
    let (opening, _) = lines.by_ref().find(|(_, line)| is_marker(line, "<<<<<<<"))?;
    lines.any(|(_, line)| is_marker(line, ">>>>>>>")).then_some(TextPosition { line: opening + 1, col: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_merge_conflict_is_found_at_its_first_marker() {
        let text = "(\n    format: 1,\n<<<<<<< HEAD\n    a\n=======\n    b\n>>>>>>> theirs\n)\n";
        assert_eq!(first_marker(text), Some(TextPosition { line: 3, col: 1 }));
        assert_eq!(first_marker("(\n<<<<<<<\n=======\n>>>>>>>\n)"), Some(TextPosition { line: 2, col: 1 }));
    }

    #[test]
    fn lone_or_indented_angle_brackets_are_not_markers() {
        assert_eq!(first_marker("(\n<<<<<<< HEAD\n)"), None);
        assert_eq!(first_marker("(\n  <<<<<<< HEAD\n>>>>>>> x\n)"), None);
        assert_eq!(first_marker("(\n<<<<<<<<< HEAD\n>>>>>>> x\n)"), None);
    }
}
