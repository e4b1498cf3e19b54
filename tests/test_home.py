"""Your own archive: the folder you stand in, `archive init`, templates, a base URL in a proxy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archive.cli import main
from archive.index.build import build
from archive.web.app import create_app

SEEDS = Path(__file__).parent / "seeds"
TEST_CORPUS = Path(__file__).parent / "corpus"


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args])


def test_no_archive_here_is_one_line_that_names_init(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARCHIVE_ROOT", raising=False)
    for command in (["build"], ["check"], ["search", "x"], ["serve"], ["ingest", SEEDS]):
        result = run(runner, *command)
        assert result.exit_code == 1, command
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "archive init" in lines[0], (command, result.output)
        assert f"{tmp_path / 'corpus'}: no such corpus folder" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing was written


def test_init_then_ingest_build_search_in_the_folder_you_stand_in(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("ARCHIVE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    started = run(runner, "init", "my-archive")
    assert started.exit_code == 0, started.output
    root = tmp_path / "my-archive"
    assert sorted(p.name for p in (root / "corpus").iterdir()) == [
        "README.md",
        "departments.yaml",
        "governments.yaml",
        "people.yaml",
        "programmes.yaml",
    ]
    assert (root / ".gitignore").read_text().splitlines()[-1] == "/index/"
    assert "BASE_URL" in (root / "archive.toml").read_text()
    assert (
        "archive ingest" in started.output
        and "archive build" in started.output
        and "archive serve" in started.output
    )

    monkeypatch.chdir(root)
    assert run(runner, "ingest", SEEDS / "003_43a77a5735a79a7b.txt").exit_code == 0
    built = run(runner, "build")
    assert built.exit_code == 0 and "indexed 1 documents" in built.output
    assert (root / "index").is_dir()
    found = run(runner, "search", "innovation")
    assert found.exit_code == 0 and "1 result " in found.output and "£36m" in found.output


def test_root_option_and_environment_name_the_archive(runner, tmp_path, monkeypatch):
    root = tmp_path / "elsewhere"
    assert run(runner, "init", root).exit_code == 0
    shutil.copytree(TEST_CORPUS, root / "corpus", dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    assert run(runner, "--root", root, "build").exit_code == 0
    monkeypatch.setenv("ARCHIVE_ROOT", str(root))
    assert "13 results" in run(runner, "search").output


def test_init_refuses_an_existing_archive_and_changes_nothing(runner, tmp_path):
    assert run(runner, "init", tmp_path / "a").exit_code == 0
    registry = tmp_path / "a" / "corpus" / "departments.yaml"
    registry.write_text("# edited\n")
    again = run(runner, "init", tmp_path / "a")
    assert again.exit_code == 1 and "already holds an archive" in again.output
    assert registry.read_text() == "# edited\n"


def test_init_keeps_an_existing_gitignore(runner, tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc")
    assert run(runner, "init", tmp_path).exit_code == 0
    assert (tmp_path / ".gitignore").read_text().splitlines()[:2] == [
        "*.pyc",
        "# Built by `archive build`: never committed.",
    ]


@pytest.fixture
def own_archive(tmp_path: Path) -> Path:
    """An archive folder with the test corpus built, as `archive init` lays it out."""
    root = tmp_path / "mine"
    (root / "corpus").mkdir(parents=True)
    shutil.copytree(TEST_CORPUS, root / "corpus", dirs_exist_ok=True)
    assert not build(root / "corpus", root / "index").errors
    return root


def test_an_archive_folder_s_own_templates_and_static_files_come_first(own_archive):
    (own_archive / "templates").mkdir()
    (own_archive / "templates" / "search.html").write_text(
        '{% extends "base.html" %}{% block main %}<p id="own">Our own search page: {{ '
        "result.total }} documents"
        "</p>{% endblock %}"
    )
    (own_archive / "static").mkdir()
    (own_archive / "static" / "style.css").write_text("body { color: rebeccapurple }")
    client = create_app({"TESTING": True, "ROOT": str(own_archive)}).test_client()
    page = client.get("/").get_data(as_text=True)
    assert '<p id="own">Our own search page: 13 documents</p>' in page
    with client.get("/static/style.css") as css:
        assert "rebeccapurple" in css.get_data(as_text=True)
    # What the folder does not override still comes from the package.
    with client.get("/static/app.js") as script:
        assert script.status_code == 200 and b"addEventListener" in script.data
    assert client.get("/static/../corpus/departments.yaml").status_code == 404


def test_shipped_templates_and_static_files_are_found_through_the_package(own_archive):
    client = create_app({"TESTING": True, "ROOT": str(own_archive)}).test_client()
    assert client.get("/").status_code == 200
    with client.get("/static/style.css") as css:
        assert (
            css.status_code == 200
            and css.mimetype == "text/css"
            and b"rebeccapurple" not in css.data
        )


def test_settings_file_sets_the_base_url(own_archive):
    (own_archive / "archive.toml").write_text('BASE_URL = "https://archive.example.org/policy"\n')
    app = create_app({"TESTING": True, "ROOT": str(own_archive)})
    links = (
        app.test_client()
        .get("/api/search?q=lighthouse", headers={"Host": "evil.example"})
        .get_json()["links"]
    )
    assert links["html"] == "https://archive.example.org/policy/?q=lighthouse"


def test_a_broken_settings_file_is_named(own_archive):
    (own_archive / "archive.toml").write_text("BASE_URL = \n")
    with pytest.raises(Exception, match="archive.toml: cannot be read"):
        create_app({"TESTING": True, "ROOT": str(own_archive)})


BASE = "https://archive.example.org"


def _everything_absolute(client, host: str) -> dict[str, str]:
    """Collect every absolute address the archive writes, asked for with another Host header."""
    headers = {"Host": host, "X-Forwarded-Host": host, "X-Forwarded-Proto": "http"}
    api = client.get("/api/search?q=lighthouse", headers=headers).get_json()
    doc_id = api["results"][0]["id"]
    found = {f"api {name}": link for name, link in api["links"].items()}
    found |= {f"api result {name}": link for name, link in api["results"][0]["links"].items()}
    for path in (
        "/feed.atom?q=lighthouse",
        "/opensearch.xml",
        "/search.csv?q=lighthouse",
        "/search.ris?q=lighthouse",
        "/search.bib?q=lighthouse",
        f"/doc/{doc_id}",
        f"/doc/{doc_id}.ris",
        "/feed.atom?year=nope",
    ):
        found[path] = client.get(path, headers=headers).get_data(as_text=True)
    return found


def test_with_a_base_url_another_host_gets_links_to_the_base_url_only(own_archive):
    client = create_app({"TESTING": True, "ROOT": str(own_archive), "BASE_URL": BASE}).test_client()
    written = _everything_absolute(client, "attacker.example")
    assert [name for name, text in written.items() if "attacker.example" in text] == []
    assert all(
        link.startswith(BASE + "/") for name, link in written.items() if name.startswith("api")
    )
    assert (
        f'rel="self" type="application/atom+xml" href="{BASE}/feed.atom?q=lighthouse'
        in written["/feed.atom?q=lighthouse"]
    )
    assert f'template="{BASE}/?q={{searchTerms}}' in written["/opensearch.xml"]
    assert f"{BASE}/doc/" in written["/search.csv?q=lighthouse"]
    page = next(
        text
        for name, text in written.items()
        if name.startswith("/doc/") and not name.endswith(".ris")
    )
    assert f'<link rel="canonical" href="{BASE}/doc/' in page
    assert f"{BASE}/feed.atom?year=nope" in written["/feed.atom?year=nope"]


def test_without_a_base_url_forwarded_headers_are_ignored_unless_proxies_are_configured(
    own_archive,
):
    plain = create_app({"TESTING": True, "ROOT": str(own_archive)}).test_client()
    headers = {
        "Host": "archive.local",
        "X-Forwarded-Host": "forged.example",
        "X-Forwarded-Proto": "https",
    }
    links = plain.get("/api/search?q=lighthouse", headers=headers).get_json()["links"]
    assert links["html"] == "http://archive.local/?q=lighthouse"

    proxied = create_app({"TESTING": True, "ROOT": str(own_archive), "PROXIES": 1}).test_client()
    headers["X-Forwarded-Prefix"] = "/archive"
    links = proxied.get("/api/search?q=lighthouse", headers=headers).get_json()["links"]
    assert links["html"] == "https://forged.example/archive/?q=lighthouse"
