"""Fundraising appeals: a page type any site can use, pledges and offline gifts.

* ``models``: ``AppealPage``, ``Pledge``, ``Contribution`` (re-exported by
  ``sitepages.models``);
* ``references``: short, unambiguous reference codes with a check character;
* ``ledger``: totals computed by the database from pledges and contributions;
* ``forms`` and ``ratelimit``: the public pledge form and its per-address limit;
* ``views``: the pledge and confirmation views served by ``AppealPage``;
* ``emails``: the confirmation e-mail, in the donor's language;
* ``blocks``: the progress block any page can embed;
* ``admin``: the treasurer's viewsets, actions, CSV export and dashboard panel;
* ``bank_statement``: bank statement CSV parsing and matching by reference;
* ``demo``: the demo appeals loaded by ``load_demo``.
"""
