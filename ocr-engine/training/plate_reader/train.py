#!/usr/bin/python3
"""Trains the neural plate reader and exports it to ONNX for OpenCV's DNN module.

Offline step (Debian: python3-torch, python3-onnx, python3-numpy); nothing at build, test or run
time needs it. Input: a folder written by org.anpr.ocr.synth.tools.NeuralDatasetMain (images.u8,
labels.tsv). Output: plate_reader.onnx, plate_reader.alphabet and train-log.json in --out.

    /usr/bin/python3 train.py --data DIR --out DIR [--epochs 12] [--batch 128] [--seed 1] [--threads 2]

Held out for validation (never trained on): every 50th synthetic sample and the real crops whose
plate text hashes to 0 mod 10, so a plate's two crops fall on the same side. The sets used to measure
the recogniser (openalpr-eu-dev and the ones kept apart) are not inputs of this script at all.
"""
import argparse
import json
import os
import random
import sys
import time
import zlib

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import ALPHABET, HEIGHT, WIDTH, PlateReaderNet  # noqa: E402


def load(folder):
    labels = [line.rstrip("\n").split("\t") for line in open(os.path.join(folder, "labels.tsv"), encoding="utf-8")]
    images = np.fromfile(os.path.join(folder, "images.u8"), dtype=np.uint8)
    if images.size != len(labels) * HEIGHT * WIDTH:
        sys.exit(f"{folder}: images.u8 holds {images.size} bytes, labels.tsv {len(labels)} lines of {HEIGHT}x{WIDTH}")
    for i, row in enumerate(labels):
        if len(row) != 4 or any(c not in ALPHABET for c in row[3]) or not row[3]:
            sys.exit(f"{folder}/labels.tsv line {i + 1}: expected index, source, country, TEXT (A-Z 0-9)")
    return images.reshape(len(labels), 1, HEIGHT, WIDTH), labels


def held_out(i, row):
    if row[1] == "synthetic":
        return i % 50 == 0
    return zlib.crc32(row[3].encode()) % 10 == 0


def augment(batch, gen):
    """Shifts of up to 3 px and a random gain/offset: the crops a detector hands over are not centred."""
    n = batch.shape[0]
    dx = torch.randint(-3, 4, (1,), generator=gen).item()
    dy = torch.randint(-2, 3, (1,), generator=gen).item()
    batch = torch.roll(batch, shifts=(dy, dx), dims=(2, 3))
    gain = 1 + (torch.rand(n, 1, 1, 1, generator=gen) - 0.5) * 0.4
    offset = (torch.rand(n, 1, 1, 1, generator=gen) - 0.5) * 0.3
    return (batch * gain + offset).clamp(-1, 1)


def to_input(images):
    return torch.from_numpy(images.astype(np.float32)) / 127.5 - 1


def encode(texts):
    targets = torch.tensor([ALPHABET.index(c) + 1 for t in texts for c in t], dtype=torch.long)
    lengths = torch.tensor([len(t) for t in texts], dtype=torch.long)
    return targets, lengths


def greedy(logits):
    """(N, classes, 1, T) -> texts, by best path."""
    best = logits[:, :, 0, :].argmax(1).numpy()
    out = []
    for row in best:
        text, prev = [], 0
        for c in row:
            if c != 0 and c != prev:
                text.append(ALPHABET[c - 1])
            prev = c
        out.append("".join(text))
    return out


def evaluate(model, images, texts, sources):
    model.eval()
    right, per_source = 0, {}
    with torch.no_grad():
        for s in range(0, len(texts), 512):
            read = greedy(model(to_input(images[s:s + 512])))
            for r, t, src in zip(read, texts[s:s + 512], sources[s:s + 512]):
                ok = r == t
                right += ok
                hit, n = per_source.get(src, (0, 0))
                per_source[src] = (hit + ok, n + 1)
    model.train()
    return right / max(1, len(texts)), {k: round(h / n, 4) for k, (h, n) in per_source.items()}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    torch.use_deterministic_algorithms(True)

    images, labels = load(a.data)
    val = [i for i, row in enumerate(labels) if held_out(i, row)]
    train = [i for i, row in enumerate(labels) if not held_out(i, row)]
    texts = [row[3] for row in labels]
    sources = [row[1] for row in labels]
    print(f"train.py: {len(train)} training and {len(val)} held-out samples from {a.data}", flush=True)

    model = PlateReaderNet()
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    steps = a.epochs * ((len(train) + a.batch - 1) // a.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=a.lr, total_steps=steps, pct_start=0.15)
    gen = torch.Generator().manual_seed(a.seed)
    val_images = images[val]
    val_texts = [texts[i] for i in val]
    val_sources = [sources[i] for i in val]
    log = {"seed": a.seed, "epochs": a.epochs, "batch": a.batch, "lr": a.lr, "train": len(train), "held_out": len(val),
           "history": []}
    start = time.time()
    for epoch in range(a.epochs):
        order = torch.randperm(len(train), generator=gen).tolist()
        total, batches = 0.0, 0
        for s in range(0, len(order), a.batch):
            idx = [train[j] for j in order[s:s + a.batch]]
            x = augment(to_input(images[idx]), gen)
            targets, lengths = encode([texts[i] for i in idx])
            logits = model(x)[:, :, 0, :]                      # N, C, T
            log_probs = F.log_softmax(logits, 1).permute(2, 0, 1)  # T, N, C
            t_lengths = torch.full((len(idx),), log_probs.shape[0], dtype=torch.long)
            loss = F.ctc_loss(log_probs, targets, t_lengths, lengths, blank=0, zero_infinity=True)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
            batches += 1
            if batches % 100 == 0:
                print(f"  epoch {epoch + 1}/{a.epochs}, batch {batches}, loss {total / batches:.3f}, "
                      f"{time.time() - start:.0f} s", flush=True)
        acc, per = evaluate(model, val_images, val_texts, val_sources)
        log["history"].append({"epoch": epoch + 1, "loss": round(total / batches, 4), "held_out_exact": round(acc, 4),
                               "by_source": per})
        print(f"train.py: epoch {epoch + 1}: loss {total / batches:.3f}, held-out exact {acc:.3f} {per}, "
              f"{time.time() - start:.0f} s", flush=True)

    os.makedirs(a.out, exist_ok=True)
    model.eval()
    onnx_path = os.path.join(a.out, "plate_reader.onnx")
    torch.onnx.export(model, torch.zeros(1, 1, HEIGHT, WIDTH), onnx_path, input_names=["plate"],
                      output_names=["logits"], opset_version=11, do_constant_folding=True)
    with open(os.path.join(a.out, "plate_reader.alphabet"), "w", encoding="ascii") as f:
        f.write(ALPHABET + "\n")
    log["seconds"] = round(time.time() - start)
    with open(os.path.join(a.out, "train-log.json"), "w", encoding="utf-8") as f:
        json.dump(log, f, indent=1)
    print(f"train.py: wrote {onnx_path} ({os.path.getsize(onnx_path)} bytes) in {log['seconds']} s")


if __name__ == "__main__":
    main()
