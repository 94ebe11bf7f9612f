"""Unit tests for overrides/sitebuild/template_cache.py: the theme's templates compiled once per build.

Tested here: a second Jinja environment (the next language's build) given
the same cache renders a template without compiling it again, the same
output; a template whose source changed is compiled again, never served
from the old code.
"""

import jinja2
from sitebuild import template_cache


def _environment(folder, cache, compiled):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), auto_reload=False)
    env.bytecode_cache = cache
    compile_source = env.compile

    def counted(source, *args, **kwargs):
        compiled.append(source)
        return compile_source(source, *args, **kwargs)

    env.compile = counted
    return env


def test_a_template_is_compiled_once_for_every_environment(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ words | upper }}</p>", encoding="utf-8")
    cache, compiled = template_cache.CompiledOnce(), []
    first = _environment(tmp_path, cache, compiled).get_template("page.html").render(words="hola")
    second = _environment(tmp_path, cache, compiled).get_template("page.html").render(words="hola")
    assert first == second == "<p>HOLA</p>"
    assert len(compiled) == 1


def test_a_changed_template_is_compiled_again(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>{{ words }}</p>", encoding="utf-8")
    cache, compiled = template_cache.CompiledOnce(), []
    assert _environment(tmp_path, cache, compiled).get_template("page.html").render(words="a") == "<p>a</p>"
    page.write_text("<h1>{{ words }}</h1>", encoding="utf-8")
    assert _environment(tmp_path, cache, compiled).get_template("page.html").render(words="a") == "<h1>a</h1>"
    assert len(compiled) == 2
