import { Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { counterText } from '../lib/text-counter';
import './form-fields.css';

/** One titled part of a form on a white band, its problem (if any) said in red under it. */
export function FormSection({ title, error, children, className, id }: {
  title: string;
  error?: string;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <View className={`form-section${className ? ` ${className}` : ''}`} id={id}>
      <Text className='section-title'>{title}</Text>
      <View className='form-section__body'>
        {children}
        {error ? <Text className='form-error'>{error}</Text> : null}
      </View>
    </View>
  );
}

/** `n/limit` once a field is near its limit; the input itself stops at the limit (maxlength). */
export function TextCounter({ id, value, limit }: { id: string; value: string; limit: number }) {
  const text = counterText(value, limit);
  if (text === null) return null;
  return (
    <Text className={`text-counter${value.length >= limit ? ' text-counter--full' : ''}`} id={id}>
      {text}
    </Text>
  );
}

/** A long text field with its counter (`<id>-counter`), as its own titled section. */
export function TextSection({ title, id, value, limit, placeholder, error, hint, onChange }: {
  title: string;
  id: string;
  value: string;
  limit: number;
  placeholder: string;
  error?: string;
  /** A line under the field, e.g. what the text is used for. */
  hint?: string;
  onChange: (value: string) => void;
}) {
  return (
    <FormSection title={title} error={error}>
      <TextField id={id} value={value} limit={limit} placeholder={placeholder} onChange={onChange} />
      {hint ? <Text className='form-hint'>{hint}</Text> : null}
    </FormSection>
  );
}

/** The text area and its counter, for a section that holds more than the text. */
export function TextField({ id, value, limit, placeholder, onChange }: {
  id: string;
  value: string;
  limit: number;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  return (
    <View>
      <Textarea
        className='form-textarea'
        id={id}
        value={value}
        maxlength={limit}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      <TextCounter id={`${id}-counter`} value={value} limit={limit} />
    </View>
  );
}
