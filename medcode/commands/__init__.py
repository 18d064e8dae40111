"""Sub-commands of `medcode`; every module here is registered automatically."""
