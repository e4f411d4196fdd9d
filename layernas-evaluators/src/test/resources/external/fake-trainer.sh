#!/bin/sh
# A stand-in training job for the command evaluator's tests. The first argument picks a behaviour;
# the request is in the file $LAYERNAS_REQUEST (mode "ok") or on stdin (mode "stdin").
mode="$1"
case "$mode" in
  ok)
    layers=$(grep -c '"type"' "$LAYERNAS_REQUEST")
    echo "epoch 1/1 loss 0.42"   # log lines before the metrics are allowed
    echo "warning: <b>lr</b> & momentum" >&2
    echo "{\"objective\": 0.$LAYERNAS_TRIAL$layers, \"trainingSeconds\": 12.5, \"test_accuracy\": 0.8, \"note\": \"text is ignored\"}"
    ;;
  stdin)
    layers=$(grep -c '"type"')
    echo "{\"objective\": 0.$layers}"
    ;;
  arg)
    # the request path arrives as the second argument ({request})
    grep -q '"trialIndex"' "$2" && echo '{"objective": 0.25}'
    ;;
  fail)
    echo "loading data" >&2
    echo "RuntimeError: CUDA out of memory" >&2
    exit 3
    ;;
  sleep)
    sleep 60 &
    echo $! > "$2"
    wait
    ;;
  malformed)
    echo '{"objective": 0.5,'
    ;;
  nan)
    echo '{"objective": NaN, "trainingSeconds": 3}'
    ;;
  silent)
    echo "done"
    ;;
esac
