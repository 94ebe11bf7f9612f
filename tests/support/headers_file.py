"""Reads a `_headers` file the way Netlify and Cloudflare Pages do, enough for
the tests: a line with a path (or a path ending in `*`) starts a rule, each
indented `Name: value` line under it is a header, and a request gets the
headers of every rule its path matches, in file order."""


def read(path):
    """[(path pattern, [(name, value), ...]), ...] in file order."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern, request_path):
    if pattern.endswith("*"):
        return request_path.startswith(pattern[:-1])
    return request_path == pattern


def headers_for(rules, request_path):
    """Every header the rules give one request path."""
    return [header for pattern, headers in rules if matches(pattern, request_path) for header in headers]
