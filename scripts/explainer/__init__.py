"""A generator of cited explainer sites: curated YAML and verbatim sources in, MkDocs pages out.

The topic (title, parties, speakers, eras, home page) is content (content/site.yml).
The pipeline runs one way, one folder a stage: load → cite → check → model → render;
cli/ alone reads and writes files. See README.md, "How it fits together".
"""
