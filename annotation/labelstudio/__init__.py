"""Label Studio, split by what each part touches.

``format``  the labelling config, tasks and predictions, and reading regions back (pure)
``review``  annotations matched with the predictions they reviewed, as records (pure)
``client``  push and pull over the API (network)
``server``  start, stop and check a local server (processes)
"""
