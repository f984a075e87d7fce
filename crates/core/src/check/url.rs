//! What makes a `url` an address a reader can follow: an http or https scheme
//! (in any case: schemes are case-insensitive, `HTTPS://` is fine), a host,
//! no spaces or controls, and nothing invisible or direction-changing in the
//! host, where U+200B or U+202E would make a look-alike of another site.

use super::escape::is_unsafe;

/// Why `url` is not a usable address (as a hint), or `None` when it is.
pub fn problem(url: &str) -> Option<String> {
    const GENERAL: &str = "write a full address starting with https:// (or leave `url` out)";
    let scheme = ["https://", "http://"].into_iter().find(|s| url.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
    let Some(rest) = scheme.map(|s| &url[s.len()..]) else { return Some(GENERAL.into()) };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if let Some(c) = host.chars().find(|&c| is_unsafe(c) && !c.is_control()) {
        return Some(format!("the host holds an invisible or direction-changing character ({}) that readers would not see; retype the address", c.escape_unicode()));
    }
    if host.is_empty() || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(GENERAL.into());
    }
    None
}

/// `HTTPS://x` as `https://x`: the form the links of the panel and the
/// fallback page are made from (anything else is left as written).
pub fn lower_scheme(url: String) -> String {
    match url.find("://") {
        Some(n) if url[..n].eq_ignore_ascii_case("https") || url[..n].eq_ignore_ascii_case("http") => url[..n].to_ascii_lowercase() + &url[n..],
        _ => url,
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn schemes_are_case_insensitive_and_hosts_visible() {
        assert_eq!(problem("HTTPS://example.com/a"), None);
        assert_eq!(super::lower_scheme("HTTPS://Example.com/A".into()), "https://Example.com/A");
        assert_eq!(problem("Http://example.com"), None);
        assert!(problem("ftp://example.com").is_some());
        assert!(problem("https://").is_some());
        assert!(problem("https://exa mple.com").is_some());
        assert!(problem("https://example\u{200b}.com").unwrap().contains("\\u{200b}"));
        assert!(problem("https://\u{202e}moc.elpmaxe").unwrap().contains("invisible or direction-changing"));
    }
}
