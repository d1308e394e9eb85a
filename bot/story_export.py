"""Every story of the store as JSON-able rows: the `briefbot stories --json` contract."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from summaries.multi import StoryDoc, summarize_story
from summaries.terms import Stems

ALL_STORIES = 1_000_000  # stories() takes a limit; an export wants them all


async def story_rows(
    store: Any, since: str | None = None, sentences: int = 4
) -> AsyncIterator[dict[str, Any]]:
    """{"id", "articles": [ids], "summary": [{"text", "article_id"}]} per story, newest first.

    The summary is made for the asked length, not read from the /brief cache (which holds
    the brief's own length).
    """
    stems = Stems()  # shared: each word stemmed once over the whole export
    for story in await store.stories(since=since, limit=ALL_STORIES):
        articles = await store.articles([r.id for r in story.articles])
        docs = [StoryDoc(a.id, a.title, a.text, a.published) for a in articles]
        picked = summarize_story(docs, sentences, stems=stems)
        yield {
            "id": story.id,
            "articles": [r.id for r in story.articles],
            "summary": [{"text": p.sentence.text, "article_id": p.article_id} for p in picked],
        }
