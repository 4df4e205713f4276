"""MLE-bench's own graders, from a checkout of openai/mle-bench named by the MLEBENCH_SRC environment
variable, behind the same JSON-lines driver as the re-implementation (grading_cases.serve).

Each competition's grade function is the one its config.yaml names (grader.grade_fn), imported from the
checkout as MLE-bench imports it. Two things differ from MLE-bench's own environment, both because this
machine has Debian's Python packages only:
- MLE-bench requires scikit-learn >= 1.5, whose log_loss no longer renormalises rows; where the installed
  scikit-learn is older, sklearn.metrics.log_loss is replaced by the >= 1.5 behaviour before any grader is
  imported (the graders import it by name).
- MLE-bench's graders use scikit-learn's root_mean_squared_error and root_mean_squared_log_error (added
  in 1.4); where they are missing they are defined as scikit-learn defines them.
- mlebench.utils imports py7zr and tqdm at module level for dataset preparation; they are Debian packages
  (python3-py7zr, python3-tqdm) and nothing here calls them.
"""
import importlib
import json
import os
import sys

import numpy as np
import sklearn
import sklearn.metrics
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from grading_cases import serve  # noqa: E402
from sklearn_metrics import log_loss_no_renormalisation  # noqa: E402

SOURCE = os.environ["MLEBENCH_SRC"]
sys.path.insert(0, SOURCE)


def _log_loss_as_in_recent_sklearn(y_true, y_pred, **_ignored):
    return log_loss_no_renormalisation(y_true, y_pred)


def _root_mean_squared_error(y_true, y_pred, **kwargs):
    return float(np.sqrt(sklearn.metrics.mean_squared_error(y_true, y_pred, **kwargs)))


def _root_mean_squared_log_error(y_true, y_pred, **kwargs):
    return float(np.sqrt(sklearn.metrics.mean_squared_log_error(y_true, y_pred, **kwargs)))


if tuple(int(p) for p in sklearn.__version__.split(".")[:2]) < (1, 5):
    sklearn.metrics.log_loss = _log_loss_as_in_recent_sklearn
if not hasattr(sklearn.metrics, "root_mean_squared_error"):
    sklearn.metrics.root_mean_squared_error = _root_mean_squared_error
    sklearn.metrics.root_mean_squared_log_error = _root_mean_squared_log_error

from mlebench.utils import import_fn  # noqa: E402

_grade_fns = {}


def grade_fn(competition):
    if competition not in _grade_fns:
        config = os.path.join(SOURCE, "mlebench", "competitions", competition, "config.yaml")
        with open(config) as f:
            _grade_fns[competition] = import_fn(yaml.safe_load(f)["grader"]["grade_fn"])
    return _grade_fns[competition]


def class_names():
    """The class columns MLE-bench's own dog-breed and leaf graders require, as one JSON line."""
    from mlebench.competitions import utils  # noqa: F401  (the package the two modules below live in)
    dogs = importlib.import_module("mlebench.competitions.dog-breed-identification.dogs").DOGS_LIST
    leaves = importlib.import_module("mlebench.competitions.leaf-classification.classes").CLASSES
    print(json.dumps({"dog-breed-identification": list(dogs), "leaf-classification": list(leaves)}))


def main():
    if sys.argv[1:] == ["--class-names"]:
        class_names()
    else:
        serve(lambda competition, sub, ans: grade_fn(competition)(sub, ans))


if __name__ == "__main__":
    main()
