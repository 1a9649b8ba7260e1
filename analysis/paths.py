"""Every path the suite uses, rooted at this file so nothing depends on the working directory."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
CHROME_RULES = DATA / "chrome_rules.csv"
ACTORS = DATA / "actors.csv"
CODEBOOK = DATA / "codebook.yaml"
ANNOTATIONS = DATA / "annotations"
GOLD = ANNOTATIONS / "gold.csv"
CHALLENGE = ANNOTATIONS / "challenge.csv"
DEV_OUTLETS = ANNOTATIONS / "dev_outlets.csv"
RESULTS = ROOT / "results"
FIGURES = ROOT / "figures"
