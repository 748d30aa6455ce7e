"""The benchmark's article generator: reproducible, varied, and read like the sample."""

from __future__ import annotations

from bench.corpus import PHRASES, Corpus

from factcheck.extraction import ArticleText, RuleBasedExtractor, normalise_text


def test_same_seed_and_index_give_the_same_article(seed_text: str) -> None:
    first, second = Corpus(3, seed_text), Corpus(3, seed_text)
    assert first.article(7) == second.article(7)
    assert Corpus(4, seed_text).article(7).text != first.article(7).text


def test_articles_keep_the_sample_shape_but_replace_its_names(seed_text: str) -> None:
    corpus = Corpus(1, seed_text)
    texts = [corpus.article(i).text for i in range(50)]
    assert len(set(texts)) == 50
    lead = seed_text.split("\n\n")[2]  # the lead paragraph's shape: "X, the ... held talks with ..."
    assert all("held talks with" in text for text in texts), lead[:40]
    for phrase in ("Alina Romanowski", "Fuad Hussein", "ISWNews Analysis Group", "Thursday 25 January 2024"):
        assert phrase in PHRASES
        assert sum(phrase in text for text in texts) == 0


def test_actors_and_sources_recur_across_articles(seed_text: str) -> None:
    corpus = Corpus(2, seed_text, cast_size=40)
    extractor = RuleBasedExtractor()
    actors: dict[str, int] = {}
    claims = 0
    for i in range(20):
        article = corpus.article(i)
        extraction = extractor.extract_sync(ArticleText(text=normalise_text(article.text)))
        claims += len(extraction.claims)
        for actor in extraction.actors:
            actors[actor.key] = actors.get(actor.key, 0) + 1
    assert claims >= 20 * 5
    assert sum(1 for seen in actors.values() if seen > 1) >= 10


def test_request_body_is_an_article_create(seed_text: str) -> None:
    from factcheck.articles.schemas import ArticleCreate

    body = Corpus(1, seed_text).article(0).as_request()
    article = ArticleCreate.model_validate(body)
    assert article.text and article.publisher and article.published_at and article.url
