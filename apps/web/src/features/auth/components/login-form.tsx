import { type FormEvent, useEffect, useState } from 'react';
import { loginSchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { isApiError } from '@/lib/api-client';
import { formText } from '@/lib/form-data';
import { useLogin } from '@/features/auth/api/login';

type LoginField = 'username' | 'password';
type FieldMessages = Partial<Record<LoginField, string>>;

function isLoginField(path: string): path is LoginField {
  return path === 'username' || path === 'password';
}

/** A one-second countdown: `start(n)` shows n and counts down to 0 against the clock. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  useEffect(() => {
    if (until === null) return undefined;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) setUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  function start(seconds: number) {
    setSecondsLeft(seconds);
    setUntil(seconds > 0 ? Date.now() + seconds * 1000 : null);
  }
  return [secondsLeft, start];
}

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secondsLeft, startLockout] = useCountdown();
  const loginMutation = useLogin({
    mutationConfig: {
      onSuccess: () => onSuccess(),
      onError: (error) => {
        if (!isApiError(error)) {
          setFormError('Sign-in failed. Try again.');
          return;
        }
        switch (error.statusCode) {
          case 401:
            setFormError('Wrong username or password.');
            return;
          case 429: {
            startLockout(error.retryAfterSeconds ?? 60);
            setFormError(null);
            return;
          }
          default: {
            const next: FieldMessages = {};
            for (const fieldError of error.fieldErrors) {
              if (isLoginField(fieldError.path)) next[fieldError.path] ??= fieldError.message;
            }
            setFieldErrors(next);
            setFormError(error.message);
          }
        }
      },
    },
  });

  const locked = secondsLeft > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({
      username: formText(data, 'username'),
      password: formText(data, 'password'),
    });
    setFormError(null);
    if (!parsed.success) {
      const next: FieldMessages = {};
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? '');
        if (isLoginField(path)) next[path] ??= issue.message;
      }
      setFieldErrors(next);
      return;
    }
    setFieldErrors({});
    loginMutation.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
      {formError !== null ? <Alert tone="error">{formError}</Alert> : null}
      {locked ? (
        <Alert tone="warning" title="Too many sign-in attempts">
          Try again in {secondsLeft} {secondsLeft === 1 ? 'second' : 'seconds'}.
        </Alert>
      ) : null}
      <TextField
        name="username"
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={fieldErrors.username}
        required
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
        required
      />
      <Button
        type="submit"
        isLoading={loginMutation.isPending}
        disabled={locked}
        className="button--block"
      >
        Sign in
      </Button>
    </form>
  );
}
