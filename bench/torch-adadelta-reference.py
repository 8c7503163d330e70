import gzip, os, numpy as np, torch, time, sys
MNIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'mnist')
torch.set_num_threads(1); torch.manual_seed(1)
def load(p):
    a = np.loadtxt(gzip.open(p), delimiter=',', dtype=np.float32)
    return a[:, :784], a[:, 784].astype(np.int64)
Xtr, ytr = load(os.path.join(MNIST, 'train.csv.gz')); Xte, yte = load(os.path.join(MNIST, 'test.csv.gz'))
keep = Xtr.std(0) > 0
mu, sd = Xtr[:, keep].mean(0), Xtr[:, keep].std(0, ddof=1)
Xtr = (Xtr[:, keep] - mu) / sd; Xte = (Xte[:, keep] - mu) / sd
Xtr, Xte = torch.tensor(Xtr), torch.tensor(Xte); ytr, yte = torch.tensor(ytr), torch.tensor(yte)
P = Xtr.shape[1]
def uni(o, i, s=1.0):
    r = (6 / (i + o)) ** 0.5 * s
    return torch.nn.Parameter(torch.empty(o, i).uniform_(-r, r))
W1, W2, W3 = uni(200, P), uni(200, 200), uni(10, 200, 4)
b1 = torch.nn.Parameter(torch.full((200,), 0.5)); b2 = torch.nn.Parameter(torch.full((200,), 1.0)); b3 = torch.nn.Parameter(torch.zeros(10))
params = [W1, b1, W2, b2, W3, b3]
opt = torch.optim.Adadelta(params, lr=1.0, rho=0.99, eps=1e-8)
def fwd(x):
    h = torch.relu(x @ W1.T + b1); h = torch.relu(h @ W2.T + b2); return h @ W3.T + b3
epochs = float(sys.argv[1]) if len(sys.argv) > 1 else 1
n = int(epochs * len(Xtr)); t = time.time()
perm = torch.randperm(len(Xtr))
for k in range(n):
    i = perm[k % len(Xtr)]
    opt.zero_grad(); loss = torch.nn.functional.cross_entropy(fwd(Xtr[i:i+1]), ytr[i:i+1]); loss.backward(); opt.step()
with torch.no_grad():
    err = (fwd(Xte).argmax(1) != yte).float().mean().item()
print(f'torch per-row adadelta epochs={epochs} test_err={err:.4f} s={time.time()-t:.0f}')
