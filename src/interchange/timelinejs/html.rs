//! TimelineJS's HTML (headlines, text, captions, groups) as plain text, by a
//! real HTML parser (html2text, html5ever inside): tags dropped, entities
//! decoded, paragraphs kept apart by a blank line. Nesting deep enough to
//! slow the parser down loses its tags first.

/// The deepest HTML nesting handed to the HTML parser, whose time grows
/// with the square of the depth; text nested deeper loses its tags first.
const MAX_HTML_DEPTH: usize = 256;

/// How deep the elements of `html` nest, roughly (void elements do not count).
fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 8] = ["br", "img", "hr", "wbr", "input", "source", "embed", "meta"];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in html.split('<').skip(1) {
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        if let Some(closing) = name.strip_prefix('/') {
            depth = depth.saturating_sub(usize::from(!closing.is_empty()));
        } else if !name.is_empty() && !VOID.contains(&name.to_ascii_lowercase().as_str()) {
            let self_closing = tag.split('>').next().is_some_and(|inside| inside.ends_with('/'));
            depth += usize::from(!self_closing);
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// `html` without its tags, each replaced by a space.
fn without_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Plain text of TimelineJS's HTML, by a real HTML parser: tags dropped,
/// entities decoded, paragraphs kept apart by a blank line.
pub fn plain(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.trim().to_owned();
    }
    let flattened;
    let html = if nesting_depth(html) > MAX_HTML_DEPTH {
        flattened = without_tags(html);
        flattened.as_str()
    } else {
        html
    };
    let rendered = html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
        .no_link_wrapping()
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), 1_000_000)
        .unwrap_or_else(|_| html.to_owned());
    let lines: Vec<&str> = rendered.lines().map(str::trim_end).collect();
    let mut text = String::new();
    for paragraph in lines.split(|line| line.trim().is_empty()).filter(|lines| !lines.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&paragraph.join("\n"));
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(plain("<p>A &amp; B</p><p>C &lt;D&gt; <a href=\"x\">link</a></p>"), "A & B\n\nC <D> link");
        assert_eq!(plain("Caf&eacute; &#8217;s<br>next"), "Café ’s\nnext");
        assert_eq!(plain("no markup "), "no markup");
    }

    #[test]
    fn html_nested_too_deep_loses_its_tags_first() {
        assert_eq!(nesting_depth("<p>a<br>b<img src=x/></p><p>c</p><div><b>d</b></div>"), 2);
        let deep = format!("{}x &amp; y{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert!(nesting_depth(&deep) > MAX_HTML_DEPTH);
        assert_eq!(plain(&deep), "x & y");
    }
}
