import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import HomePage, { HomeApiInfoQuery } from './HomePage';

describe('HomePage', () => {
  it('says what Lantern is and shows the server version after showing progress', async () => {
    renderWithProviders(<HomePage />, {
      mocks: [
        {
          request: { query: HomeApiInfoQuery },
          result: { data: { apiInfo: { __typename: 'ApiInfo', version: '0.1.0-SNAPSHOT', serverTime: '2024-03-01T09:30:00+07:00' } } },
        },
      ],
    });

    expect(screen.getByText(/Lantern hỗ trợ thanh tra tỉnh/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Đang kiểm tra máy chủ');
    expect(await screen.findByTestId('api-version')).toHaveTextContent('0.1.0-SNAPSHOT');
    expect(screen.getByTestId('server-time')).toHaveAttribute('dateTime', '2024-03-01T09:30:00+07:00');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('explains a network failure in words and offers to try again', async () => {
    renderWithProviders(<HomePage />, {
      mocks: [{ request: { query: HomeApiInfoQuery }, error: new TypeError('Failed to fetch') }],
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không kết nối được tới máy chủ.');
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });

  it('shows the server’s error id', async () => {
    renderWithProviders(<HomePage />, {
      lng: 'en',
      mocks: [
        {
          request: { query: HomeApiInfoQuery },
          result: { errors: [{ message: 'boom', extensions: { classification: 'INTERNAL_ERROR', errorId: 'a1b2c3' } }] },
        },
      ],
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('The system has a problem.');
    expect(screen.getByTestId('error-id')).toHaveTextContent('Error code: a1b2c3');
  });
});
