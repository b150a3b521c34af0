"""Contacts: phone numbers of a notice, normalized, with their organization, department and note.

Modules: :mod:`.numbers` finds number shapes and normalizes them, :mod:`.labels` reads the words
around a number (owners, departments, notes), :mod:`.rules` loads ``rules/contacts.yaml``, and
:mod:`.extract` decides which numbers are phones and whose.
"""

from .extract import extract_contacts

__all__ = ["extract_contacts"]
