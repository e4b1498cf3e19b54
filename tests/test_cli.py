"""The `archive` command through click's runner."""

from __future__ import annotations

import json

import pytest

from archive.cli import main


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args])


def test_build_then_nothing_changed(runner, corpus_dir, index_dir):
    first = run(runner, "--corpus", corpus_dir, "--index", index_dir, "build")
    assert first.exit_code == 0
    assert "indexed 13 documents (13 added, 0 changed, 0 removed)" in first.output
    second = run(runner, "--corpus", corpus_dir, "--index", index_dir, "build")
    assert second.exit_code == 0
    assert second.output.startswith("nothing changed: 13 documents indexed")


def test_build_with_broken_files_exits_1_and_names_them(runner, corpus_dir, index_dir):
    (corpus_dir / "bad-yaml.md").write_text('---\ntitle: T\ndate: "2013"\nsource: X: Y\n---\nB.\n')
    (corpus_dir / "no-date.md").write_text("---\ntitle: T\nsource: X\n---\nB.\n")
    (corpus_dir / "unknown-dept.md").write_text(
        '---\ntitle: T\ndate: "2013"\nsource: X\ndepartments: [dfee]\n---\nB.\n'
    )
    result = run(runner, "--corpus", corpus_dir, "--index", index_dir, "build")
    assert result.exit_code == 1
    assert f"{corpus_dir}/bad-yaml.md: YAML error at line 4" in result.output
    assert f"{corpus_dir}/no-date.md: missing date" in result.output
    assert (
        f"{corpus_dir}/unknown-dept.md: unknown department 'dfee'; did you mean 'dfe'?"
        in result.output
    )
    assert "indexed 13 documents" in result.output and "3 rejected" in result.output


def test_check(runner, corpus_dir):
    good = run(runner, "--corpus", corpus_dir, "check")
    assert good.exit_code == 0
    assert "checked 13 documents: no errors" in good.output
    (corpus_dir / "no-date.md").write_text("---\ntitle: T\nsource: X\n---\nB.\n")
    bad = run(runner, "--corpus", corpus_dir, "check")
    assert bad.exit_code == 1
    assert "no-date.md: missing date" in bad.output


def test_search_text_and_json(runner, shared_index):
    text = run(runner, "--index", shared_index, "search", "mockingbird")
    assert text.exit_code == 0
    assert text.output.startswith("1 result (read as: mockingbird; sorted by relevance)")
    data = json.loads(
        run(
            runner, "--index", shared_index, "search", "--json", "--year", "2010", "--year", "2013"
        ).output
    )
    assert data["total"] == 4
    assert {f["value"]: f["count"] for f in data["facets"]["year"]}["2010"] == 2


def test_search_filters(runner, shared_index):
    def total(*args):
        return json.loads(run(runner, "--index", shared_index, "search", "--json", *args).output)[
            "total"
        ]

    assert total("--department", "dfe") == 7
    assert total("--department", "dfe", "--predecessors") == 10
    assert total("--programme", "better-care-fund") == 2
    assert (
        total("--min-amount", "1bn") == 3
    )  # money announced: doc 10's £1.5bn is what councils spend
    assert total("--min-amount", "1bn", "--money", "all") == 4
    assert total("--max-amount", "100k") == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "--year", "abc"], "Error: year must be a year such as 2013"),
        (["search", "--department", "dfee"], "did you mean 'dfe'"),
        (["search", "--min-amount", "lots"], "min_amount must be an amount"),
        (["search", "--sort", "sideways"], "Invalid value for '--sort'"),
    ],
)
def test_search_errors_are_one_clear_line(runner, shared_index, args, message):
    result = run(runner, "--index", shared_index, *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_search_without_an_index_says_to_build(runner, tmp_path):
    result = run(runner, "--index", tmp_path / "none", "search", "x")
    assert result.exit_code == 1
    assert "run `archive build` first" in result.output


def test_serve_without_an_index_says_to_build(runner, tmp_path):
    result = run(runner, "--index", tmp_path / "none", "serve")
    assert result.exit_code == 1
    assert "run `archive build` first" in result.output


@pytest.mark.parametrize("command", ["build", "check", "search", "serve"])
def test_every_command_has_help(runner, command):
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
