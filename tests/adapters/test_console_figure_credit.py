"""The console names a figure's article once per line: a row with no claimant already reads
"<title> (no source named)" (Slack shows that alone), so the source is not printed again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from adapters.console import render_text
from bot.model import Reply


async def test_seed_figures_name_their_article_once_per_line(
    ask: Callable[[str], Awaitable[Reply]],
) -> None:
    reply = await ask("/figures territory")
    rows = [r for s in reply.sections for r in s.figures]
    unnamed = [r for r in rows if r.claimant.endswith("(no source named)")]
    assert unnamed, "the seeds give figures with no source named"
    shown = render_text(reply).splitlines()
    for row in unnamed:
        line = next(x for x in shown if x.startswith(f"  * {row.surface}"))
        assert line.count(row.source.partition("; also ")[0]) == 1, line
    named = next(r for r in rows if not r.claimant.endswith("(no source named)"))
    line = next(x for x in shown if x.startswith(f"  * {named.surface}"))
    assert f"{named.claimant}; {named.source}" in line
