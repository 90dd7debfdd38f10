"""The neural plate reader's network: a small all-convolutional CTC reader.

Input 1 x 32 x 128 (grey, scaled to -1..1, as PlateInput and NeuralPlateReader prepare it);
output (1, classes, 1, 32) logits: per column group of 4 input pixels, blank + the alphabet.
Only Conv, BatchNorm, ReLU and MaxPool, so OpenCV's DNN module runs it without custom layers,
and no recurrent layer: the column context comes from the (1 x 5) convolution, cheap at run time.
About 42 M multiply-adds and 0.36 M parameters.
"""
import torch.nn as nn

HEIGHT, WIDTH = 32, 128
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _block(cin, cout, kernel=3, padding=1):
    return [nn.Conv2d(cin, cout, kernel, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class PlateReaderNet(nn.Module):
    def __init__(self, classes=len(ALPHABET) + 1):
        super().__init__()
        self.features = nn.Sequential(
            *_block(1, 16), nn.MaxPool2d(2),                      # 16 x 64
            *_block(16, 32), nn.MaxPool2d(2),                     # 8 x 32
            *_block(32, 64), *_block(64, 64), nn.MaxPool2d((2, 1)),   # 4 x 32
            *_block(64, 96), *_block(96, 96), nn.MaxPool2d((2, 1)),   # 2 x 32
            *_block(96, 128, kernel=(2, 3), padding=(0, 1)),      # 1 x 32: the height folded into channels
            *_block(128, 128, kernel=(1, 5), padding=(0, 2)),     # context along the plate
            nn.Dropout(0.2),
        )
        self.classify = nn.Conv2d(128, classes, 1)

    def forward(self, x):
        return self.classify(self.features(x))
