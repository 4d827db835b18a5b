"""Fake installed rule packs for tests: what pip leaves behind, on a temporary path."""

import textwrap


def install_fake_plugin(site, dist: str, module_source: str) -> None:
    """Write module `dist` (dashes as underscores) and a `<name>.dist-info` naming it in the
    `copydesk` entry-point group under `site`; put `site` on PYTHONPATH to install it."""
    mod = dist.replace("-", "_")
    (site / mod).mkdir(parents=True)
    (site / mod / "__init__.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = site / f"{mod}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[copydesk]\n{mod} = {mod}\n", encoding="utf-8")
