"""Services: which services a notice suspends, restricts or keeps open, for whom and when.

Modules, in the order they run: :mod:`.clauses` splits the body into clauses and phrases, :mod:`.cues`
finds cue words (compiled by :mod:`.rules` from ``rules/services.yaml`` and
``rules/service_actions.yaml``), :mod:`.reading` decides which action governs which service,
:mod:`.timing` ties facts to the notice's time rows, and :mod:`.extract` puts them together.
:func:`attach_services` is the reverse link (windows listing their services) ``parse`` asks for.
"""

from .extract import attach_services, extract_services

__all__ = ["extract_services", "attach_services"]
