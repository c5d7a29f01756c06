"""The questions our JSON endpoints answer, as one SQL statement each (for the floor and peer)."""

# /api/articles?per_page=20: a page newest first (one more row tells whether a next page
# exists), each with its source and topics, and the total.
_LIST = """
SELECT a.id, a.slug, a.title, a.published, s.slug AS source, a.lead,
  (SELECT json_group_array(slug) FROM (
     SELECT t.slug FROM article_topic AS at JOIN topic AS t ON t.id = at.topic_id
     WHERE at.article_id = a.id ORDER BY at.weight DESC)) AS topics,
  (SELECT count(*) FROM article) AS total
FROM article AS a LEFT JOIN source AS s ON s.id = a.source_id
{where}
ORDER BY a.published DESC, a.id DESC LIMIT 21
"""
LIST = _LIST.format(where="")

# The page after a cursor (a dated one: undated articles come last, newest first by id).
LIST_AFTER = _LIST.format(
    where="WHERE a.published < :published OR (a.published = :published AND a.id < :id)"
    " OR a.published IS NULL"
)

# The list page as the brief words it: ids, titles and dates only.
LIST_BRIEF = "SELECT id, title, published FROM article ORDER BY published DESC, id DESC LIMIT 20"

# /api/articles/<id>: the article, its sources, authors, related links, citing articles,
# topics and the number of revisions.
ARTICLE = """
SELECT a.id, a.slug, a.title, a.published, a.byline, a.photo_credit, a.original_url,
  a.body_text, a.word_count,
  s.slug AS source_slug, s.name AS source_name, p.slug AS publisher_slug, p.name AS publisher_name,
  (SELECT json_group_array(name) FROM (
     SELECT src.name FROM article_author AS aa JOIN source AS src ON src.id = aa.source_id
     WHERE aa.article_id = a.id ORDER BY aa.position)) AS authors,
  (SELECT json_group_array(json_object(
     'title', title, 'href', href, 'after_paragraph', after_paragraph, 'article_id', target_id))
   FROM (SELECT * FROM related_link WHERE article_id = a.id ORDER BY position)) AS related,
  (SELECT json_group_array(json_object('id', id, 'title', title)) FROM (
     SELECT c.id, c.title FROM article AS c
     WHERE c.id IN (SELECT article_id FROM related_link WHERE target_id = a.id)
     ORDER BY c.published DESC, c.id DESC)) AS cited_by,
  (SELECT json_group_array(json_object('slug', slug, 'name', name, 'kind', kind)) FROM (
     SELECT t.slug, t.name, t.kind FROM article_topic AS at JOIN topic AS t ON t.id = at.topic_id
     WHERE at.article_id = a.id ORDER BY at.weight DESC)) AS topics,
  (SELECT count(*) FROM revision WHERE article_id = a.id) AS revisions
FROM article AS a
LEFT JOIN source AS s ON s.id = a.source_id
LEFT JOIN source AS p ON p.id = a.publisher_id
WHERE a.id = :id
"""

# The search issue's floor for a page of results: the raw ranked match, nothing else.
RAW_SEARCH = "SELECT rowid FROM article_fts WHERE article_fts MATCH :q ORDER BY rank LIMIT 20"

# /api/search?q=…: the 21 best matches by bm25 rank with a snippet each, and how many match.
# `{where}` narrows the matches (a date range); `{order}` is rank or newest first.
_SEARCH = """
SELECT a.id, a.slug, a.title, a.published,
  snippet(article_fts, 1, '<mark>', '</mark>', '…', 24) AS snippet,
  (SELECT count(*) FROM article_fts JOIN article AS c ON c.id = article_fts.rowid
   WHERE article_fts MATCH :q {where_c}) AS total
FROM article_fts JOIN article AS a ON a.id = article_fts.rowid
WHERE article_fts MATCH :q {where}
ORDER BY {order} LIMIT 21
"""
SEARCH = _SEARCH.format(where="", where_c="", order="rank")
SEARCH_NEWEST = _SEARCH.format(where="", where_c="", order="a.published DESC, a.id DESC")
SEARCH_DATED = _SEARCH.format(
    where="AND a.published BETWEEN :start AND :end",
    where_c="AND c.published BETWEEN :start AND :end",
    order="rank",
)
