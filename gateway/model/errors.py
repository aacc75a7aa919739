"""The model package's one exception: every refusal to load, build or use a package.

ModelError
  raised for a manifest that does not match its library, source, golden file or the
  gateway's feature map; a library that cannot be built or loaded; a batch of rows
  of the wrong shape. The message names the package and what to do about it.
PackageTooLarge(ModelError)
  an uploaded archive that unpacks to more than the allowed size.
"""

from __future__ import annotations


class ModelError(Exception):
    """A model package that cannot be used as it is; the message says why and what to do."""


class PackageTooLarge(ModelError):
    """An uploaded archive unpacks to more than the allowed size."""
