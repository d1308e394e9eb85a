"""A story's multi-source summary: read from the store's cache, else made and saved.

/brief and digests read it; the warmer (bot.warmer) makes it after ingest so they rarely have to.
"""

from __future__ import annotations

from bot.model import SummaryLine
from bot.store.base import Store, Story
from summaries.multi import StoryDoc, summarize_story

SUMMARY_SENTENCES = 3


async def story_summary_lines(store: Store, stories: list[Story]) -> dict[int, list[SummaryLine]]:
    """The picked sentences of each story's summary, by story id: cached (read in one query),
    else made and saved."""
    known = await store.story_summaries([s.id for s in stories])
    out = {}
    for story in stories:
        size, cached = known.get(story.id, (0, None))
        out[story.id] = (
            [SummaryLine.of(row) for row in cached]
            if cached is not None
            else await make_summary(store, story, size)
        )
    return out


async def make_summary(store: Store, story: Story, size: int) -> list[SummaryLine]:
    """Summarise a story across its articles and save it under the story's size."""
    articles = await store.articles([r.id for r in story.articles])
    docs = [StoryDoc(a.id, a.title, a.text, a.published) for a in articles]
    picked = summarize_story(docs, SUMMARY_SENTENCES)
    lines = [
        SummaryLine(
            p.article_id, p.sentence.start, p.sentence.end, p.sentence.paragraph, p.sentence.text
        )
        for p in picked
    ]
    await store.save_story_summary(story.id, size, [line.row() for line in lines])
    return lines
