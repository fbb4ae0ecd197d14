"""pyqtgraph charts of the results, each named ``chart.<name>`` and exportable.

Import each chart from its own module (``charts.savings``, ``charts.uncertainty``, ...): this
package imports nothing itself, so the window can open before pyqtgraph is loaded
(:mod:`.lazy`).
"""
